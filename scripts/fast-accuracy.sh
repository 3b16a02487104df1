#!/usr/bin/env bash
# Every Precision = Fast kernel: float on all 2^32 inputs, double on 10^6 random inputs (half random bit patterns, half
# where the activation varies) plus the special values, on the path this machine takes (AVX-512 here; AVX2, NEON and
# scalar code compute the same roundings) and on the portable Vector128 path (DOTNET_EnableAVX2=0, no FMA).
# Writes tests/FusedActivations.Accuracy/results/fast/*.md; fails if a kernel is above 4 ULP.
# FAST_PATHS="default" (or "vector128") runs one path only; FAST_RESUME=1 skips runs whose markdown file exists.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/FusedActivations.Accuracy/results/fast
mkdir -p "$out"
dotnet build tests/FusedActivations.Accuracy -c Release -v q -nologo
runs=(
  "sigmoid|generated-fast|sigmoid"
  "tanh|generated-fast|tanh"
  "silu|generated-fast-beta1|silu-beta1"
  "silu --beta 1.7|generated-fast-beta1.7|silu-beta1.7"
  "elu|generated-fast-alpha1|elu-alpha1"
  "elu --alpha 0.3|generated-fast-alpha0.3|elu-alpha0.3"
  "selu|generated-fast|selu"
  "logsigmoid|generated-fast|logsigmoid"
  "softplus --beta 1|generated-fast-beta1|softplus-beta1"
  "softplus --beta 2|generated-fast-beta2|softplus-beta2"
  "softplus --beta 10|generated-fast-beta10|softplus-beta10"
  "mish|generated-fast|mish"
  "gelutanh|generated-fast|gelutanh"
)
for path in ${FAST_PATHS:-default vector128}; do
  for run in "${runs[@]}"; do
    IFS='|' read -r args kernel file <<< "$run"
    env=()
    [ "$path" = vector128 ] && env=(DOTNET_EnableAVX2=0)
    if [ "${FAST_RESUME:-0}" = 1 ] && [ -f "$out/$file-$path.md" ] && [ -f "$out/$file-double-$path.md" ]; then
      continue
    fi
    echo "== $args ($kernel, $path)"
    env "${env[@]}" dotnet run -c Release --no-build --project tests/FusedActivations.Accuracy -- $args --exhaustive \
      --kernel "$kernel" --fail-above 4 --markdown "$out/$file-$path.md" | grep -E "max ULP|elapsed"
    echo "== $args double ($kernel, $path)"
    env "${env[@]}" dotnet run -c Release --no-build --project tests/FusedActivations.Accuracy -- $args --double 1000000 \
      --kernel "$kernel" --fail-above 4 --markdown "$out/$file-double-$path.md" | grep -E "max ULP|elapsed"
  done
done
