#!/usr/bin/env bash
# Instructions per element of every generated kernel's unrolled step, on AVX-512, AVX2 and NEON, from the JIT's own
# disassembly (DOTNET_JitDisasm; NEON: the arm64 kernel tests under qemu, which needs scripts/setup.sh's packages).
# Writes tests/FusedActivations.Benchmarks/results/instructions.md. Counts, not timings: NEON cannot be timed here.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
filter="FullyQualifiedName~FastAccuracyTests|FullyQualifiedName~FamilyAccuracyTests.FloatKernel|FullyQualifiedName~FamilyAccuracyTests.DoubleKernel"
dotnet build tests/FusedActivations.Kernels.Tests -c Release -v q -nologo
for path in Avx512 Avx2; do
  env=()
  [ "$path" = Avx2 ] && env=(DOTNET_EnableAVX512=0)
  env "${env[@]}" DOTNET_JitDisasm='*Steps *Group' DOTNET_JitStdOutFile="$work/$path.txt" FUSEDACTIVATIONS_RANDOM_SAMPLES=2000 \
    dotnet test tests/FusedActivations.Kernels.Tests -c Release --no-build --filter "$filter" -- xUnit.ParallelizeTestCollections=false | tail -1
done
dotnet publish tests/FusedActivations.Kernels.Arm64 -c Release -r linux-arm64 --self-contained --nologo -v q \
  -p:InvariantGlobalization=true -p:FusedActivationsTargetFrameworks=net10.0 -o "$work/arm64"
DOTNET_JitDisasm='*Steps *Group' DOTNET_JitStdOutFile="$work/AdvSimd.txt" DOTNET_EnableWriteXorExecute=0 \
  FUSEDACTIVATIONS_EXPECTED_PATH=AdvSimd FUSEDACTIVATIONS_RANDOM_SAMPLES=2000 \
  qemu-aarch64-static -L /usr/aarch64-linux-gnu "$work/arm64/FusedActivations.Kernels.Arm64" \
  FastAccuracyTests FamilyAccuracyTests.FloatKernel FamilyAccuracyTests.DoubleKernel | tail -1
out=tests/FusedActivations.Benchmarks/results/instructions.md
{
  echo "<!-- bash scripts/instruction-counts.sh ($(date -u '+%d %B %Y')): the JIT's disassembly of each kernel's unrolled step (4 vectors), .NET $(dotnet --version) SDK. -->"
  echo
  echo "Instructions per element (per vector) of each generated kernel's unrolled step: every instruction of the method"
  echo "(loads, stores, constants, prologue) over the elements it computes. '—': the step calls a helper, not counted."
  echo "Kernel classes by activation, element type and precision (Fast in the name), with the test method it was compiled for."
  echo
  python3 scripts/instruction_counts.py Avx512="$work/Avx512.txt" Avx2="$work/Avx2.txt" AdvSimd="$work/AdvSimd.txt"
} > "$out"
echo "wrote $out"
rm -rf "$work"
