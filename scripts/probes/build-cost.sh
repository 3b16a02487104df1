#!/usr/bin/env bash
# Issue 11's build-cost bar, measured: "<= 150 generated lines per additional annotated method; a 100-method project
# builds within 5 s of a 1-method project (min of two builds each)". Builds, outside the repository, a console project
# with 1 annotated method and one with 100, cycling through every activation attribute of the family and Softplus
# (with parameters), float and double, the three shapes: the same mix as GeneratedSizeTests in the generator tests;
# and one with 100 methods that all use one kernel ([Silu(Beta = ...)] float span, a beta each), which separates the
# cost of a method from the cost of the kernels a mix brings in (25 distinct kernels for the mix).
# Prints the generated lines (EmitCompilerGeneratedFiles) and the build times: full builds (--no-incremental, no
# compiler server), min of two each. A probe on a shared machine, not a published benchmark: say the load with it.
#   bash scripts/probes/build-cost.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/fa-build-cost.XXXXXX")
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$repo/generator/FusedActivations.Generator" -c Release -v q > /dev/null
dotnet build "$repo/src/FusedActivations" -c Release -v q > /dev/null
generator="$repo/generator/FusedActivations.Generator/bin/Release/netstandard2.0/FusedActivations.Generator.dll"
runtime=$(ls "$repo"/src/FusedActivations/bin/Release/net10.0/FusedActivations.dll)

for count in 1 100 same; do
  dir="$work/m$count"
  mkdir -p "$dir"
  cat > "$dir/p.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>
    <Optimize>true</Optimize><LangVersion>latest</LangVersion><UseSharedCompilation>false</UseSharedCompilation>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup><Reference Include="$runtime" /><Analyzer Include="$generator" /></ItemGroup>
</Project>
XML
  python3 - "$count" > "$dir/Many.cs" <<'PY'
import sys
if sys.argv[1] == "same":
    print("using System;\nusing FusedActivations;\n\npublic static partial class Many\n{")
    for i in range(100):
        print(f"    [Silu(Beta = {1 + i / 64})] public static partial void M{i}(ReadOnlySpan<float> x, Span<float> destination);")
    print("}")
    sys.exit()
count = int(sys.argv[1])
attributes = ["Sigmoid", "Tanh", "Silu", "Silu(Beta = 1.5)", "Mish", "Elu", "Elu(Alpha = 0.5)", "Selu", "LogSigmoid", "Relu",
              "LeakyRelu", "LeakyRelu(NegativeSlope = 0.2)", "HardSwish", "Softplus", "Softplus(Beta = 2)",
              "Softplus(Beta = 1.5, Threshold = 10)"]
print("using System;\nusing FusedActivations;\n\npublic static partial class Many\n{")
for i in range(count):
    a = attributes[i % len(attributes)]
    t = "float" if (i // len(attributes)) % 2 == 0 else "double"
    shape = (i // (2 * len(attributes))) % 3
    member = [f"void M{i}(ReadOnlySpan<{t}> x, Span<{t}> destination)", f"void M{i}(Span<{t}> values)", f"{t} M{i}({t} x)"][shape]
    print(f"    [{a}] public static partial {member};")
print("}")
PY
  echo 'public static class Program { public static void Main() { } }' > "$dir/Program.cs"
done

build_seconds() {
  local best=999999 start end
  dotnet build "$1/p.csproj" -c Release -v q > "$1/build.log" 2>&1 || { cat "$1/build.log" >&2; exit 1; }
  for _ in 1 2; do
    start=$(date +%s.%N)
    dotnet build "$1/p.csproj" -c Release -v q --no-incremental > /dev/null 2>&1
    end=$(date +%s.%N)
    best=$(python3 -c "print(min($best, $end - $start))")
  done
  printf '%.1f' "$best"
}
lines() { find "$1/obj" -path '*generated/FusedActivations.Generator*' -name '*.cs' -exec cat {} + | wc -l; }
files() { find "$1/obj" -path '*generated/FusedActivations.Generator*' -name '*.cs' | wc -l; }

echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
one=$(build_seconds "$work/m1"); many=$(build_seconds "$work/m100"); same=$(build_seconds "$work/msame")
l1=$(lines "$work/m1"); l100=$(lines "$work/m100")
echo "| methods | generated files | generated lines | build (min of 2, s) |"
echo "|---:|---:|---:|---:|"
echo "| 1 | $(files "$work/m1") | $l1 | $one |"
echo "| 100, mixed | $(files "$work/m100") | $l100 | $many |"
echo "| 100, one kernel | $(files "$work/msame") | $(lines "$work/msame") | $same |"
echo
echo "100 mixed methods build $(python3 -c "print(round($many - $one, 1))") s slower than 1; 100 methods of one kernel $(python3 -c "print(round($same - $one, 1))") s (bar: 5 s)."
echo "Generated lines per method file: $(find "$work/m100/obj" -path '*generated/FusedActivations.Generator*' -name 'Many*.cs' -exec wc -l {} + | grep -v total | awk '{s+=$1; if ($1>m) m=$1} END {printf "mean %.1f, max %d", s/NR, m}') (bar: 150)."
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
