#!/usr/bin/env bash
# Runs every test: the generator, runtime-library and analyzer test projects once, the kernel tests once per SIMD
# path (AVX-512, AVX2, Vector128, scalar) with the runtime's switches, and the NEON and scalar paths on linux-arm64
# under qemu; smoke runs of the benchmark and accuracy commands; the package as a user installs it
# (scripts/consumer-test.sh). Each kernel run asserts the path it expected actually ran.
# On a fresh machine it first installs what is missing (scripts/setup.sh: qemu and the arm64 C runtime, clang for
# Native AOT). Everything is built once, in Release; every later step reuses that build where it can.
# Logs: artifacts/test-logs/ (git-ignored, replaced each run). Ends with "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

passed=0; failed=0; skipped=0
logs="$repo/artifacts/test-logs"
rm -rf "$logs" && mkdir -p "$logs"
echo "logs: $logs"

# Adds the counts of a `dotnet test` run (one "Passed!/Failed!" summary line per test assembly) to the totals.
count_dotnet_test() {
  local log=$1 rc=$2 found=0
  while IFS= read -r line; do
    found=1
    f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")
    p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")
    s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  done < <(grep -E '^(Passed|Failed)! +- Failed:' "$log")
  if [ "$found" -eq 0 ] || { [ "$rc" -ne 0 ] && ! grep -qE '^Failed! ' "$log"; }; then
    echo "   (run ended without a test summary, exit code $rc: counted as one failure)"
    failed=$((failed + 1))
  fi
}

# Adds the counts of our in-process runner ("N passed, N failed, N skipped").
count_runner() {
  local log=$1 rc=$2 line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
  if [ -z "$line" ]; then
    echo "   (run ended without a test summary, exit code $rc: counted as one failure)"
    failed=$((failed + 1)); return
  fi
  read -r p _ f _ s _ <<<"$(tr -d ',' <<<"$line")"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + ${s:-0}))
}

run_dotnet_test() {
  local name=$1; shift
  local log="$logs/$name.log"
  echo "== $name"
  env "$@" > "$log" 2>&1; local rc=$?
  grep -E '^(Passed|Failed)! |^  Failed |Error Message' -A1 "$log" | grep -v '^--$' | head -40
  count_dotnet_test "$log" "$rc"
}

# Set-up, only when something is missing: qemu + the arm64 C runtime (NEON tests), clang + zlib (Native AOT).
# NuGet packages are restored by the build below.
if ! command -v qemu-aarch64-static >/dev/null 2>&1 || [ ! -d /usr/aarch64-linux-gnu/lib ] ||
   ! command -v clang >/dev/null 2>&1 || [ ! -f /usr/include/zlib.h ]; then
  echo "== setup (scripts/setup.sh --no-restore)"
  if ! bash scripts/setup.sh --no-restore < /dev/null 2>&1 | tee "$logs/setup.log" | sed 's/^/   /'; then
    echo "   (set-up failed: the NEON and Native AOT tests below will fail; see $logs/setup.log)"
  fi
fi

# One build, in Release (the configuration of the README's commands); every dotnet test/run below uses --no-build.
echo "== build (Release)"
if ! dotnet build Generators.sln -c Release -v q --nologo > "$logs/build.log" 2>&1; then
  grep -E 'error|warn' "$logs/build.log" | head -40
  echo "logs: $logs"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

for project in tests/FusedActivations.Generator.Tests tests/FusedActivations.Runtime.Tests tests/FusedActivations.Analyzers.Tests; do
  [ -d "$project" ] || continue
  run_dotnet_test "$(basename "$project")" dotnet test "$project" -c Release --no-build --nologo
done

# The kernel tests once per x86 path. FUSEDACTIVATIONS_EXPECTED_PATH makes them assert the path that ran.
kernels=tests/FusedActivations.Kernels.Tests
run_dotnet_test "kernels-avx512" FUSEDACTIVATIONS_EXPECTED_PATH=Avx512 dotnet test $kernels -c Release --no-build --nologo
run_dotnet_test "kernels-avx2" DOTNET_EnableAVX512=0 FUSEDACTIVATIONS_EXPECTED_PATH=Avx2 dotnet test $kernels -c Release --no-build --nologo
run_dotnet_test "kernels-vector128" DOTNET_EnableAVX2=0 FUSEDACTIVATIONS_EXPECTED_PATH=Vector128 dotnet test $kernels -c Release --no-build --nologo
run_dotnet_test "kernels-scalar" DOTNET_EnableHWIntrinsic=0 FUSEDACTIVATIONS_EXPECTED_PATH=Scalar dotnet test $kernels -c Release --no-build --nologo

# Smoke checks of the tools, so they cannot rot: the benchmark peers (one call each), then the accuracy command.
if [ -d tests/FusedActivations.Benchmarks ]; then
  echo "== benchmarks --smoke"
  FUSEDACTIVATIONS_BENCH_SKIP=${FUSEDACTIVATIONS_BENCH_SKIP:-} dotnet run -c Release --no-build --project tests/FusedActivations.Benchmarks -- --smoke > "$logs/bench.log" 2>&1
  rc=$?
  tail -3 "$logs/bench.log"
  count_runner "$logs/bench.log" "$rc"
fi

# The accuracy command on every 4099th float (about 10^6 inputs, seconds), against PyTorch and ONNX Runtime too: our
# kernel must stay within 1.05 ULP (the bound of every FMA path; the kernel tests hold AVX-512 to 0.55).
echo "== accuracy --quick"
dotnet run -c Release --no-build --project tests/FusedActivations.Accuracy -- softplus --beta 1 --quick \
  --kernel generated-beta1,pytorch,onnxruntime --fail-above 1.05 > "$logs/accuracy.log" 2>&1
rc=$?
grep -E '^(PASS|FAIL) |passed, |Skipping' "$logs/accuracy.log" | sed 's/^/   /'
count_runner "$logs/accuracy.log" "$rc"

# NEON: the same test files, published self-contained for linux-arm64 and run under qemu.
echo "== kernels-arm64 (publish)"
# It needs its own build (linux-arm64, self-contained): the output goes to artifacts/kernels-arm64 (replaced each run).
arm64="$repo/artifacts/kernels-arm64"
rm -rf "$arm64"
if dotnet publish tests/FusedActivations.Kernels.Arm64 -c Release -r linux-arm64 --self-contained --nologo -v q \
     -p:InvariantGlobalization=true -p:FusedActivationsTargetFrameworks=net10.0 -o "$arm64" > "$logs/arm64-publish.log" 2>&1; then
  # The two runs side by side: each is one emulated thread, so on two cores together they take the time of one.
  declare -A qemu_pids
  for path in AdvSimd Scalar; do
    switch=""
    [ "$path" = Scalar ] && switch="DOTNET_EnableHWIntrinsic=0"
    # DOTNET_EnableWriteXorExecute=0: .NET writes JIT code through a second (writable) mapping of the executable
    # pages, and qemu-user does not see those writes, so it can run stale translations of code the JIT has since
    # rewritten. With it on, the full run crashed (SIGSEGV, or NullReferenceException from a bad access) 3 times in 3
    # on this machine at varying tests, each test passing alone; with it off, 956 passed. Real ARM64 hardware is unaffected.
    env $switch DOTNET_EnableWriteXorExecute=0 FUSEDACTIVATIONS_EXPECTED_PATH=$path FUSEDACTIVATIONS_RANDOM_SAMPLES=20000 \
      qemu-aarch64-static -L /usr/aarch64-linux-gnu "$arm64/FusedActivations.Kernels.Arm64" > "$logs/arm64-$path.log" 2>&1 &
    qemu_pids[$path]=$!
  done
  for path in AdvSimd Scalar; do
    wait "${qemu_pids[$path]}"
    rc=$?
    echo "== kernels-arm64-$path (qemu)"
    grep -E '^FAIL|passed, |Kernel tests on' "$logs/arm64-$path.log" | head -20
    count_runner "$logs/arm64-$path.log" "$rc"
  done
else
  grep -E 'error' "$logs/arm64-publish.log" | head -20
  echo "   (arm64 publish failed: counted as one failure)"
  failed=$((failed + 1))
fi

# The package as a user gets it: pack, fresh net10.0/net8.0 consumers outside the repo, the .NET 8 runtime, the
# analyzer in a consumer build, Native AOT, the sample under AOT (scripts/consumer-test.sh; about 3 minutes).
echo "== consumer-test (package, net10.0, net8.0, Native AOT)"
bash scripts/consumer-test.sh > "$logs/consumer.log" 2>&1
rc=$?
grep -E '^(PASS|FAIL) |passed, ' "$logs/consumer.log" | sed 's/^/   /'
count_runner "$logs/consumer.log" "$rc"

echo
echo "logs: $logs"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
