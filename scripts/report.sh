#!/usr/bin/env bash
# Reproduces every published figure, in one command:
#   1. the BenchmarkDotNet runs (--job report, plans softplus, family, fused, gradient and parallel), then --chart:
#      tests/FusedActivations.Benchmarks/results/<activation>.{csv,md,png}, results/family.md, results/fused.{csv,md} and
#      results/{gradient,parallel}.md (BenchmarkDotNet's own reports of those two plans),
#      and the three Stopwatch probes (--ranges, --copy-probe, --fused-probe): results/probe-{ranges,copy,fused}.txt there
#   2. the exhaustive accuracy runs (every float input, beta 2 and beta 1, ours against every peer) and 10^6 random
#      doubles per beta: tests/FusedActivations.Accuracy/results/softplus-{float,double}-beta{2,1}[-pytorch].md
# About 150 minutes on a 2-core machine (benchmarks ~80, accuracy ~70); the benchmark figures are only worth publishing from a quiet machine.
#   bash scripts/report.sh [--skip-benchmarks] [--skip-accuracy]
# A step that fails is reported and the others still run; the exit code is 1 if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

benchmarks=1 accuracy=1
for arg in "$@"; do
  case "$arg" in
    --skip-benchmarks) benchmarks=0 ;;
    --skip-accuracy) accuracy=0 ;;
    *) echo "usage: bash scripts/report.sh [--skip-benchmarks] [--skip-accuracy]" >&2; exit 2 ;;
  esac
done

start=$SECONDS
failed=()
hms() { printf '%dh %02dm %02ds' $(($1 / 3600)) $(($1 % 3600 / 60)) $(($1 % 60)); }

# Runs one step, prints how long it took, and remembers a failure instead of stopping.
step() {
  local name=$1; shift
  local begin=$SECONDS
  echo
  echo "== $name  ($(date -u '+%H:%M:%S') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  "$@"
  local rc=$?
  echo "== $name: exit code $rc after $(hms $((SECONDS - begin)))"
  [ "$rc" -eq 0 ] || failed+=("$name")
}

if [ "$benchmarks" = 1 ]; then
  bench=tests/FusedActivations.Benchmarks
  # --job report: 1 launch, 15 warm-ups, 60 iterations of ~10 ms per case, figures from the median. Two runs (the
  # plans of Infrastructure/Plans.cs; `-- --plan NAME --count` prints a plan's cases without running them):
  # softplus: 180 cases (both jobs, float and double, 1 Ki / 64 Ki / 4 Mi, narrow [-10, 10] and wide [-30, 30]; ~15 min).
  step "benchmarks: Softplus (180 cases)" dotnet run -c Release --project $bench -- --job report --plan softplus
  # family: 425 cases (every other activation at 64 Ki: floats on narrow, wide and the speed bar's [-8, 8] in both jobs,
  # doubles on narrow and wide in the AVX-512 job; 1 Ki and 4 Mi floats on narrow for Sigmoid, SiLU, Mish, ReLU; the
  # scalar loops in the AVX-512 job only; ~30 min).
  step "benchmarks: the family (425 cases)" dotnet run -c Release --project $bench -- --job report --plan family
  # fused: 162 cases (issue 12's fused kernels Scale, SwiGLU and bias + GELU, float, 64 Ki and 4 Mi, inputs [-8, 8],
  # [-10, 10] and [-30, 30], both jobs; the formula's scalar loop in the AVX-512 job only; ~11 min).
  step "benchmarks: the fused kernels (162 cases)" dotnet run -c Release --project $bench -- --job report --plan fused
  # gradient and parallel: 96 and 192 cases (issue 12's gradient kernels against PyTorch autograd; issue 14's Parallel =
  # true against one thread and PyTorch on every core; ~5 and ~10 min). Their tables are BenchmarkDotNet's own reports.
  plan_report() {
    local plan=$1 class
    shift
    dotnet run -c Release --project $bench -- --job report --plan "$plan" || return 1
    { echo "<!-- BenchmarkDotNet's own report of --job report --plan $plan ($(date -u '+%d %B %Y')); the README's tables are taken from it. -->"
      for class in "$@"; do
        echo
        cat "$bench/BenchmarkDotNet.Artifacts/results/FusedActivations.Benchmarks.Benchmarks.${class}-report-github.md"
      done; } > "$bench/results/$plan.md"
  }
  step "benchmarks: the gradient kernels (96 cases) -> $bench/results/gradient.md" plan_report gradient FusedGradientBenchmarks
  # parallel: Softplus (96 cases) and the fused scale head, forward and training step (96 cases).
  step "benchmarks: Parallel = true (192 cases) -> $bench/results/parallel.md" plan_report parallel ParallelBenchmarks FusedParallelBenchmarks
  # fast: 216 cases (issue 13: Accurate, Fast and PyTorch, float and double, 64 Ki, narrow and wide, both jobs; ~7 min).
  step "benchmarks: Precision = Fast (216 cases) -> $bench/results/fast.md" plan_report fast FastBenchmarks
  # results/<activation>.{csv,md,png}, results/family.md (the speed bar and the 64 Ki tables of every activation) and
  # results/fused.{csv,md} (issue 12's bars and one table per fused kernel and job).
  step "benchmarks: charts and tables from those runs" dotnet run -c Release --project $bench -- --chart
  # Stopwatch probe (not a published ratio): PyTorch and ours on sub-ranges of [-30, 30], with and without denormals flushed.
  ranges() {
    echo "\$ dotnet run -c Release --project $bench -- --ranges   (load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u))"
    dotnet run -c Release --project $bench -- --ranges || return 1
    echo
    echo "\$ dotnet run -c Release --project $bench -- --ranges --flush-denormal   (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    dotnet run -c Release --project $bench -- --ranges --flush-denormal
  }
  step "benchmarks: ranges probe -> $bench/results/probe-ranges.txt" eval 'ranges > $bench/results/probe-ranges.txt'
  copyprobe() {
    echo "\$ dotnet run -c Release --project $bench -- --copy-probe   (load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u))"
    dotnet run -c Release --project $bench -- --copy-probe
  }
  step "benchmarks: CopyTo probe -> $bench/results/probe-copy.txt" eval 'copyprobe > $bench/results/probe-copy.txt'
  # Stopwatch probe (not a published figure): issue 12's bar ratios with the fused kernels' peers in interleaved rounds.
  fusedprobe() {
    echo "\$ dotnet run -c Release --project $bench -- --fused-probe   ($(date -u))"
    dotnet run -c Release --project $bench -- --fused-probe || return 1
    echo
    echo "\$ DOTNET_EnableAVX512=0 ATEN_CPU_CAPABILITY=avx2 dotnet run -c Release --project $bench -- --fused-probe"
    DOTNET_EnableAVX512=0 ATEN_CPU_CAPABILITY=avx2 dotnet run -c Release --project $bench -- --fused-probe
  }
  step "benchmarks: fused probe -> $bench/results/probe-fused.txt" eval 'fusedprobe > $bench/results/probe-fused.txt'

fi

if [ "$accuracy" = 1 ]; then
  results=tests/FusedActivations.Accuracy/results
  # Built once, so that every run below checks the same binaries.
  step "accuracy: build" dotnet build -c Release tests/FusedActivations.Accuracy -nologo -v q
  acc() { dotnet run -c Release --no-build --project tests/FusedActivations.Accuracy -- softplus "$@"; }
  # PyTorch runs in its own process: a failure inside libtorch cannot take the other kernels' figures with it.
  step "accuracy: every float, beta 2" \
    acc --beta 2 --kernel generated-beta2,fusedmath,naive,tensorprimitives --markdown $results/softplus-float-beta2.md
  step "accuracy: every float, beta 2, PyTorch" \
    acc --beta 2 --kernel pytorch --markdown $results/softplus-float-beta2-pytorch.md
  step "accuracy: every float, beta 1" \
    acc --beta 1 --kernel generated-beta1,fusedmath,naive,tensorprimitives,onnxruntime --markdown $results/softplus-float-beta1.md
  step "accuracy: every float, beta 1, PyTorch" \
    acc --beta 1 --kernel pytorch --markdown $results/softplus-float-beta1-pytorch.md
  # ONNX Runtime's CPU provider has no double Softplus, so it is absent from the double runs.
  step "accuracy: 10^6 random doubles, beta 2" \
    acc --beta 2 --double 1000000 --kernel generated-beta2,fusedmath,naive,tensorprimitives,pytorch --markdown $results/softplus-double-beta2.md
  step "accuracy: 10^6 random doubles, beta 1" \
    acc --beta 1 --double 1000000 --kernel generated-beta1,fusedmath,naive,tensorprimitives,pytorch --markdown $results/softplus-double-beta1.md
  # Precision = Fast: every Fast kernel on every float (AVX-512 and the portable path) and 10^6 doubles (~40 min).
  step "accuracy: Precision = Fast -> $results/fast/" bash scripts/fast-accuracy.sh
fi

echo
echo "total elapsed: $(hms $((SECONDS - start)))"
if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}"
  exit 1
fi
