#!/usr/bin/env bash
# Probe for the kernel-engine design (issue: one kernel engine): does a loop that calls a per-vector step four times
# keep the speed of today's statement-by-statement interleaved unroll? Builds, outside the repository, two copies of the
# approved generated kernel for [Softplus(Beta = 2)] float span -> span: A as generated, B with each unrolled group
# replaced by four calls of the one-vector step (the TensorPrimitives shape). Checks they agree bit for bit, times both
# (best of 40 rounds of 200 calls, 64 Ki floats uniform in [-10, 10]) on the AVX-512 and AVX2 paths, and prints the
# JIT's code sizes, which show whether the step was inlined. A Stopwatch probe, not a published benchmark.
#   bash scripts/probes/interleaving.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/fa-interleave.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The kernel as the generator wrote it before the shared engine: one self-contained file per method (pinned commit).
snapshot="$work/snapshot.cs"
git -C "$repo" show d8a5c0e:tests/FusedActivations.Generator.Tests/Emitted/EmittedSourceSnapshotTests.FloatSpanToSpanBeta2.verified.cs > "$snapshot"

cat > "$work/probe.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>
    <Optimize>true</Optimize><LangVersion>latest</LangVersion>
  </PropertyGroup>
</Project>
EOF

python3 - "$snapshot" "$work" <<'EOF'
import sys
source = open(sys.argv[1], encoding='utf-8-sig').read()
open(sys.argv[2] + '/A.cs', 'w').write(source)
b = source.replace('Softplus2', 'Softplus2B').replace('partial class Activations', 'partial class ActivationsB')
for steps, step, vector in (('Avx512Steps', 'Avx512Step', 'Vector512'), ('Avx2Steps', 'Avx2Step', 'Vector256')):
    start = b.index('{', b.index(f'private static void {steps}(ref float source, ref float destination, nuint i)'))
    end = b.index('\n        }\n', start)
    calls = ''.join(f'\n            {step}({vector}.LoadUnsafe(ref source, i + {k} * count)).StoreUnsafe(ref destination, i + {k} * count);' for k in range(4))
    b = b[:start] + '{\n            nuint count = (nuint)' + vector + '<float>.Count;' + calls + b[end:]
open(sys.argv[2] + '/B.cs', 'w').write(b)
EOF

cat > "$work/Program.cs" <<'EOF'
using System;
using System.Diagnostics;
namespace Samples
{
    public static partial class Activations { public static partial void Softplus2(ReadOnlySpan<float> x, Span<float> destination); }
    public static partial class ActivationsB { public static partial void Softplus2B(ReadOnlySpan<float> x, Span<float> destination); }
    public static class Program
    {
        public static void Main()
        {
            const int n = 65536;
            var random = new Random(20261127);
            var x = new float[n];
            for (int i = 0; i < n; i++) x[i] = (float)(-10 + 20 * random.NextDouble());
            var a = new float[n];
            var b = new float[n];
            Activations.Softplus2(x, a);
            ActivationsB.Softplus2B(x, b);
            for (int i = 0; i < n; i++)
                if (BitConverter.SingleToInt32Bits(a[i]) != BitConverter.SingleToInt32Bits(b[i])) throw new Exception($"A and B differ at {i}");
            double bestA = double.MaxValue, bestB = double.MaxValue;
            for (int round = 0; round < 40; round++)
            {
                var watch = Stopwatch.StartNew();
                for (int r = 0; r < 200; r++) Activations.Softplus2(x, a);
                bestA = Math.Min(bestA, watch.Elapsed.TotalNanoseconds / (200.0 * n));
                watch.Restart();
                for (int r = 0; r < 200; r++) ActivationsB.Softplus2B(x, b);
                bestB = Math.Min(bestB, watch.Elapsed.TotalNanoseconds / (200.0 * n));
            }
            string path = System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? "AVX-512" : "AVX2";
            Console.WriteLine($"| {path} | {bestA:F3} | {bestB:F3} | {bestB / bestA:F2} |");
        }
    }
}
EOF

dotnet build "$work/probe.csproj" -c Release -v q --nologo > "$work/build.log" 2>&1 || { grep -E 'error' "$work/build.log" | head; exit 1; }
dll="$work/bin/Release/net10.0/probe.dll"
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| path | A: interleaved (ns/element) | B: four step calls | B / A |"
echo "|---|---:|---:|---:|"
dotnet "$dll"
DOTNET_EnableAVX512=0 dotnet "$dll"
DOTNET_JitStdOutFile="$work/jit.txt" DOTNET_JitDisasmSummary=1 dotnet "$dll" > /dev/null
echo
echo "JIT code sizes (a step compiled on its own was not inlined into its caller):"
grep -E 'Avx512Step|RunAvx512' "$work/jit.txt" | sed -E 's/.*__(Softplus2B?Kernel:[A-Za-z0-9]+).*(IL size=[0-9]+, code size=[0-9]+).*/  \1  \2/'
