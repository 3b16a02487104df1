#!/usr/bin/env bash
# Probe for the kernel-engine design (issue: one kernel engine): can the kernel be written once, generic over a struct
# that supplies a method's folded constants through static abstract members, with the JIT folding them back into the
# same machine code? Builds, outside the repository, from the approved generated kernel of [Softplus(Beta = 2)] float
# span -> span: A as generated, and S the same kernel class made generic (SharedSoftplusKernel<TConstants>) with every
# 'private const' read from TConstants. Checks bit-identical results, times both (best of 40 rounds of 200 calls,
# 64 Ki floats in [-10, 10]) on the AVX-512 and AVX2 paths; then the build cost of 1 and 100 methods each way: the
# repository's generator (100 [Softplus] methods; since the shared engine, this row measures the engine itself) against
# the hand-made shared kernel plus 100 small constant structs. Stopwatch and
# `time dotnet build`, min of two builds: a probe, not a published benchmark.
#   bash scripts/probes/shared-kernel.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/fa-shared.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The kernel as the generator wrote it before the shared engine: one self-contained file per method (pinned commit).
snapshot="$work/snapshot.cs"
git -C "$repo" show d8a5c0e:tests/FusedActivations.Generator.Tests/Emitted/EmittedSourceSnapshotTests.FloatSpanToSpanBeta2.verified.cs > "$snapshot"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

project() { # folder, extra items
  mkdir -p "$1"
  cat > "$1/p.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>
    <Optimize>true</Optimize><LangVersion>latest</LangVersion><UseSharedCompilation>false</UseSharedCompilation>
  </PropertyGroup>
  $2
</Project>
EOF
}

# The transformation: A (as generated), S (generic over the constants), and the constant struct for beta 2.
python3 - "$snapshot" "$work" <<'EOF'
import re, sys
source = open(sys.argv[1], encoding='utf-8-sig').read()
work = sys.argv[2]
consts = re.findall(r'private const (float|double) (\w+) = ([^;]+);', source)
kernel = source[source.index('namespace FusedActivations.Generated'):]
kernel = re.sub(r'private const (float|double) (\w+) = ([^;]+);', r'private static \1 \2 => TConstants.\2;', kernel)
kernel = kernel.replace('file static class Softplus2Kernel', 'public static class SharedSoftplusKernel<TConstants> where TConstants : struct, ISoftplusConstants')
interface = 'namespace FusedActivations.Generated\n{\n    public interface ISoftplusConstants\n    {\n' + ''.join(
    f'        static abstract {t} {n} {{ get; }}\n' for t, n, _ in consts) + '    }\n}\n'
open(work + '/Shared.cs', 'w').write('#nullable enable\n' + interface + kernel)
def struct(name):
    return (f'internal readonly struct {name} : global::FusedActivations.Generated.ISoftplusConstants\n{{\n' +
            ''.join(f'    public static {t} {n} => {v};\n' for t, n, v in consts) + '}\n')
open(work + '/Beta2.cs', 'w').write(struct('Beta2Constants'))
open(work + '/A.cs', 'w').write(source)
# 100 methods each way, for the build cost (the constant values do not change what is compiled).
many = ['using System;\nusing FusedActivations;\npublic static partial class Many\n{']
for i in range(100):
    many.append(f'    [Softplus(Beta = {1 + i / 64})] public static partial void F{i}(ReadOnlySpan<float> x, Span<float> destination);')
many.append('}\n')
open(work + '/ManyGenerated.cs', 'w').write('\n'.join(many))
shared = ['using System;\npublic static class Many\n{']
for i in range(100):
    shared.append(f'    public static void F{i}(ReadOnlySpan<float> x, Span<float> destination) => FusedActivations.Generated.SharedSoftplusKernel<C{i}>.Apply(x, destination);')
shared.append('}\n')
open(work + '/ManyShared.cs', 'w').write('\n'.join(shared) + ''.join(struct(f'C{i}') for i in range(100)))
open(work + '/OneShared.cs', 'w').write(shared[0] + '\n' + shared[1] + '\n}\n' + struct('C0'))
open(work + '/OneGenerated.cs', 'w').write(many[0] + '\n' + many[1] + '\n}\n')
EOF

# Speed: A against S.
project "$work/speed" ""
cp "$work/A.cs" "$work/Shared.cs" "$work/Beta2.cs" "$work/speed/"
cat > "$work/speed/Program.cs" <<'EOF'
using System;
using System.Diagnostics;
namespace Samples
{
    public static partial class Activations { public static partial void Softplus2(ReadOnlySpan<float> x, Span<float> destination); }
    public static class Program
    {
        public static void Main()
        {
            const int n = 65536;
            var random = new Random(20261127);
            var x = new float[n];
            for (int i = 0; i < n; i++) x[i] = (float)(-10 + 20 * random.NextDouble());
            var a = new float[n];
            var s = new float[n];
            Activations.Softplus2(x, a);
            FusedActivations.Generated.SharedSoftplusKernel<Beta2Constants>.Apply(x, s);
            for (int i = 0; i < n; i++)
                if (BitConverter.SingleToInt32Bits(a[i]) != BitConverter.SingleToInt32Bits(s[i])) throw new Exception($"A and S differ at {i}");
            double bestA = double.MaxValue, bestS = double.MaxValue;
            for (int round = 0; round < 40; round++)
            {
                var watch = Stopwatch.StartNew();
                for (int r = 0; r < 200; r++) Activations.Softplus2(x, a);
                bestA = Math.Min(bestA, watch.Elapsed.TotalNanoseconds / (200.0 * n));
                watch.Restart();
                for (int r = 0; r < 200; r++) FusedActivations.Generated.SharedSoftplusKernel<Beta2Constants>.Apply(x, s);
                bestS = Math.Min(bestS, watch.Elapsed.TotalNanoseconds / (200.0 * n));
            }
            string path = System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? "AVX-512" : "AVX2";
            Console.WriteLine($"| {path} | {bestA:F3} | {bestS:F3} | {bestS / bestA:F2} |");
        }
    }
}
EOF
dotnet build "$work/speed/p.csproj" -c Release -v q > "$work/speed.log" 2>&1 || { grep -E 'error' "$work/speed.log" | head; exit 1; }
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| path | A: generated kernel (ns/element) | S: shared generic kernel | S / A |"
echo "|---|---:|---:|---:|"
dotnet "$work/speed/bin/Release/net10.0/p.dll"
DOTNET_EnableAVX512=0 dotnet "$work/speed/bin/Release/net10.0/p.dll"

# Build cost: min of two full builds (no incremental reuse, no compiler server) of each project.
dotnet build "$repo/generator/FusedActivations.Generator" -c Release -v q > /dev/null
dotnet build "$repo/src/FusedActivations" -c Release -v q > /dev/null
generator="$repo/generator/FusedActivations.Generator/bin/Release/netstandard2.0/FusedActivations.Generator.dll"
runtime=$(ls "$repo"/src/FusedActivations/bin/Release/net10.0/FusedActivations.dll)
items="<ItemGroup><Reference Include=\"$runtime\" /><Analyzer Include=\"$generator\" /></ItemGroup>"
build_seconds() {
  local best=999999 start end
  dotnet build "$1/p.csproj" -c Release -v q > /dev/null 2>&1 || { echo "build of $1 failed" >&2; exit 1; }
  for _ in 1 2; do
    start=$(date +%s.%N)
    dotnet build "$1/p.csproj" -c Release -v q --no-incremental > /dev/null 2>&1
    end=$(date +%s.%N)
    best=$(python3 -c "print(min($best, $end - $start))")
  done
  printf '%.1f' "$best"
}
for kind in Generated Shared; do
  for count in One Many; do
    dir="$work/build-$kind-$count"
    if [ $kind = Generated ]; then project "$dir" "$items"; else project "$dir" ""; cp "$work/Shared.cs" "$dir/"; fi
    cp "$work/$count$kind.cs" "$dir/"
    echo 'public static class Program { public static void Main() { } }' > "$dir/Program.cs"
  done
done
echo
echo "| build (min of 2, s) | 1 method | 100 methods | difference |"
echo "|---|---:|---:|---:|"
for kind in Generated Shared; do
  one=$(build_seconds "$work/build-$kind-One"); many=$(build_seconds "$work/build-$kind-Many")
  echo "| $kind | $one | $many | $(python3 -c "print(round($many - $one, 1))") |"
done
