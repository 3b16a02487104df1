#!/usr/bin/env bash
# Consumer test: installs the FusedActivations package the way a user does and checks that it just works.
#
#   1. runs README's Install commands as written there (only the feed folder differs): `dotnet pack -o <feed>` at the
#      repository root must exit 0 and make exactly one package, FusedActivations.<version>.nupkg (a unique version,
#      given through the environment, so that no stale copy from the NuGet cache is ever used), with the expected
#      layout;
#   2. creates brand-new console projects OUTSIDE the repository (mktemp -d) for net10.0 and net8.0 and adds the
#      package with README's `dotnet add package ... --source <feed>`; writes annotated methods (float span, double
#      in-place, float scalar), builds with TreatWarningsAsErrors and runs them; each program checks its results
#      against a double-precision reference itself (exit code);
#   3. checks that the analyzer fires (FA2001) on a naive Math.Log(1 + Math.Exp(x)) in a separate build;
#   4. publishes the net8.0 consumer self-contained for linux-x64 and runs it on a real .NET 8 runtime;
#   5. publishes the net10.0 consumer with Native AOT (warning-free) and runs it: correct results, and the kernels take
#      the path the binary's instruction set implies (default target: Vector128; x86-64-v4: AVX-512; see below);
#   6. builds samples/SoftplusTour against the package, publishes it with Native AOT and runs it (it reports its path).
#
# Self-contained; needs the .NET 10 SDK, NuGet access, and clang + zlib1g-dev for Native AOT (scripts/setup.sh).
# Exits non-zero on failure; the last line is "N passed, N failed".
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
start=$(date +%s)

passed=0; failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/fa-consumer.XXXXXX")
feed="$work/feed"
# A stable version (README's `dotnet add package` takes the latest stable one), unique to this run.
version="0.1.0.$(date -u +%s)"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
keep=${FUSEDACTIVATIONS_KEEP_CONSUMER:-0}
cleanup() {
  # The unique version must not pile up in the global package cache.
  rm -rf "$packages/fusedactivations/$version"
  if [ "$keep" = 1 ]; then echo "(kept $work)"; else rm -rf "$work"; fi
}
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Shows the interesting part of a failed step's log.
show() { grep -E 'error|warning|FAIL|Unhandled' "$1" | grep -v '^\s*$' | head -${2:-25} | sed 's/^/   | /'; }

# The path the kernels should take on this CPU (the first the generated dispatch tests).
expected_path=""
if grep -qw avx512f /proc/cpuinfo 2>/dev/null; then expected_path=Avx512
elif grep -qw avx2 /proc/cpuinfo 2>/dev/null && grep -qw fma /proc/cpuinfo 2>/dev/null; then expected_path=Avx2
fi

# README's Install commands, exactly as written there apart from the feed folder (~/fusedactivations-feed).
readme_command() {
  sed -n '/^## Install/,/^## [^I]/p' "$repo/README.md" | grep -E "^$1" | head -1 | sed -E 's/[[:space:]]+#.*$//'
}
readme_feed='~/fusedactivations-feed'
pack_command=$(readme_command 'dotnet pack')
add_command=$(readme_command 'dotnet add package FusedActivations')
if [ -z "$pack_command" ] || [ -z "$add_command" ] || [[ "$pack_command" != *"$readme_feed"* ]] || [[ "$add_command" != *"$readme_feed"* ]]; then
  fail "README Install commands" "expected a 'dotnet pack ... $readme_feed' and a 'dotnet add package FusedActivations ... $readme_feed' line"
  echo "$passed passed, $failed failed"
  exit 1
fi
echo "== README: $pack_command   (at the repository root, PackageVersion=$version in the environment)"
echo "== README: $add_command   (in each consumer's folder)"
pack_command=${pack_command//"$readme_feed"/\"$feed\"}
add_command=${add_command//"$readme_feed"/\"$feed\"}

( cd "$repo" && PackageVersion="$version" bash -c "$pack_command" ) > "$work/pack.log" 2>&1
rc=$?
packages_made=$(cd "$feed" 2>/dev/null && ls -1 -- *.nupkg 2>/dev/null)
if [ $rc -ne 0 ]; then
  show "$work/pack.log"
  fail "dotnet pack at the repository root" "exit code $rc"
  echo "$passed passed, $failed failed"
  exit 1
elif [ "$packages_made" != "FusedActivations.$version.nupkg" ]; then
  fail "dotnet pack at the repository root" "expected exactly FusedActivations.$version.nupkg, got: $(echo $packages_made)"
else
  pass "dotnet pack at the repository root: exit code 0, one package ($packages_made)"
fi
nupkg="$feed/FusedActivations.$version.nupkg"
listing=$(unzip -l "$nupkg" 2>/dev/null | awk '{print $4}')
nuspec=$(unzip -p "$nupkg" FusedActivations.nuspec 2>/dev/null)
missing=""
for f in lib/net8.0/FusedActivations.dll lib/net8.0/FusedActivations.xml lib/net10.0/FusedActivations.dll \
         lib/net10.0/FusedActivations.xml analyzers/dotnet/cs/FusedActivations.Generator.dll \
         analyzers/dotnet/cs/FusedActivations.Analyzers.dll analyzers/dotnet/cs/FusedActivations.CodeFixes.dll; do
  grep -qxF "$f" <<<"$listing" || missing="$missing $f"
done
if [ -n "$missing" ]; then fail "package layout" "missing$missing"
elif grep -qi 'Microsoft.CodeAnalysis' <<<"$nuspec"; then fail "package layout" "the nuspec depends on Microsoft.CodeAnalysis"
elif ! grep -q '<license type="expression">MIT</license>' <<<"$nuspec"; then fail "package layout" "no MIT licence expression"
elif [ -f "$repo/README.md" ] && ! grep -qxF README.md <<<"$listing"; then fail "package layout" "README.md not packed"
else pass "package layout (lib/net8.0, lib/net10.0, analyzers/dotnet/cs, no Microsoft.CodeAnalysis dependency)"
fi

# The consumer's code: three annotated methods and a self-check against a double-precision reference.
write_program() {
  cat > "$1/Program.cs" <<'EOF'
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FusedActivations;

namespace Consumer;

public static partial class Act
{
    [Softplus(Beta = 2)]
    public static partial void Softplus2(ReadOnlySpan<float> x, Span<float> destination);

    [Softplus]
    public static partial void SoftplusInPlace(Span<double> values);

    [Softplus(Beta = 0.5)]
    public static partial float SoftplusHalf(float x);

    [Softplus(Parallel = true, ParallelThreshold = 1)]
    public static partial void SoftplusInPlaceParallel(Span<double> values);

    [Softplus(Beta = 2, Parallel = true)]
    public static partial void Softplus2Parallel(ReadOnlySpan<float> x, Span<float> destination);
}

public static class Program
{
    private const int FloatUlps = 2;
    private const int DoubleUlps = 8;
    private static int s_checks;
    private static int s_failures;
    private static long s_maxFloatUlps;
    private static long s_maxDoubleUlps;

    public static int Main()
    {
        Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})");
        Console.WriteLine($"aot: {!RuntimeFeature.IsDynamicCodeSupported}");
        Console.WriteLine($"path: {ActivePath.Describe()}");

        int[] lengths = { 0, 1, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 1000, 4099 };
        uint seed = 12345;
        foreach (int n in lengths)
        {
            float[] xf = new float[n];
            double[] xd = new double[n];
            for (int i = 0; i < n; i++)
            {
                seed = seed * 1664525u + 1013904223u;
                double u = (seed >> 8) / 16777216.0;
                xf[i] = (float)(-45 + 90 * u);
                xd[i] = -800 + 1600 * u * u * u;
                if (i % 5 == 1) { xd[i] = xd[i] / 1000; xf[i] = xf[i] / 100; }
            }
            if (n >= 64)
            {
                float[] sf = { float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, 10f, 10.000001f, 9.999999f, -87f, 88f, 1e-30f, -1e-30f };
                double[] sd = { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -0.0, 20, 20.000000000000004, 19.999999999999996, -745, 709, 1e-300, -1e-300 };
                sf.CopyTo(xf, 3);
                sd.CopyTo(xd, 40);
            }

            float[] yf = new float[n];
            KernelTrace.Reset();
            Act.Softplus2(xf, yf);
            if (n == 4099) CheckTrace("float span");
            for (int i = 0; i < n; i++) CheckFloat("Softplus2", xf[i], yf[i], RefFloat(xf[i], 2, 20));

            double[] yd = (double[])xd.Clone();
            KernelTrace.Reset();
            Act.SoftplusInPlace(yd);
            if (n == 4099) CheckTrace("double in-place");
            for (int i = 0; i < n; i++) CheckDouble("SoftplusInPlace", xd[i], yd[i], RefDouble(xd[i], 1, 20));

            for (int i = 0; i < n; i += 7) CheckFloat("SoftplusHalf", xf[i], Act.SoftplusHalf(xf[i]), RefFloat(xf[i], 0.5, 20));
        }

        // Parallel = true: long enough to be split on more than one core, bit for bit the single-threaded results.
        int large = 300_000;
        float[] lf = new float[large], pf = new float[large], sfl = new float[large];
        double[] pd = new double[large], sdl = new double[large];
        for (int i = 0; i < large; i++) { lf[i] = (float)(-40 + 80 * ((i * 7919L) % large) / (double)large); pd[i] = sdl[i] = lf[i] * 3.0; }
        Act.Softplus2(lf, sfl);
        Act.Softplus2Parallel(lf, pf);
        Act.SoftplusInPlace(sdl);
        Act.SoftplusInPlaceParallel(pd);
        for (int i = 0; i < large; i++)
        {
            s_checks++;
            if (BitConverter.SingleToInt32Bits(pf[i]) != BitConverter.SingleToInt32Bits(sfl[i]) || BitConverter.DoubleToInt64Bits(pd[i]) != BitConverter.DoubleToInt64Bits(sdl[i]))
            {
                s_failures++;
                if (s_failures <= 10) Console.WriteLine($"FAIL parallel element {i}: {pf[i]} vs {sfl[i]}, {pd[i]} vs {sdl[i]}");
            }
        }

        Console.WriteLine($"checks: {s_checks}, failures: {s_failures}, max error: float {s_maxFloatUlps} ULP, double {s_maxDoubleUlps} ULP");
        Console.WriteLine(s_failures == 0 ? "RESULT OK" : "RESULT FAILED");
        return s_failures == 0 ? 0 : 1;
    }

    // The kernels record the path they ran (FUSEDACTIVATIONS_TRACE): it must be the one ActivePath reports.
    private static void CheckTrace(string what)
    {
        s_checks++;
        Console.WriteLine($"kernel path ({what}): {KernelTrace.Last?.ToString() ?? "none recorded"}");
        if (KernelTrace.Last != ActivePath.Current)
        {
            s_failures++;
            Console.WriteLine($"FAIL {what}: kernel ran {KernelTrace.Last}, ActivePath says {ActivePath.Current}");
        }
    }

    // log(1 + x) without the cancellation of Math.Log(1 + x) (and not .NET's LogP1, which is Log(x + 1)).
    private static double Log1P(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0) return x;
        if (double.IsPositiveInfinity(u)) return u;
        return Math.Log(u) * x / (u - 1.0);
    }

    private static double Stable(double x, double beta) =>
        Math.Max(x, 0) + Log1P(Math.Exp(-beta * Math.Abs(x))) / beta;

    // PyTorch semantics with beta and threshold rounded to float: z = fl(beta*x) > threshold ? x : softplus.
    private static double RefFloat(float x, double beta, double threshold)
    {
        float b = (float)beta;
        if (float.IsNaN(x)) return double.NaN;
        if (b * x > (float)threshold) return x;
        if (float.IsNegativeInfinity(x)) return 0;
        return Stable(x, b);
    }

    private static double RefDouble(double x, double beta, double threshold)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (beta * x > threshold) return x;
        if (double.IsNegativeInfinity(x)) return 0;
        return Stable(x, beta);
    }

    private static void CheckFloat(string what, float x, float got, double reference)
    {
        s_checks++;
        float want = (float)reference;
        long ulps = float.IsNaN(want) ? (float.IsNaN(got) ? 0 : long.MaxValue) : Math.Abs(Ordered(got) - Ordered(want));
        if (ulps != long.MaxValue) s_maxFloatUlps = Math.Max(s_maxFloatUlps, ulps);
        if (ulps > FloatUlps) Report(what, x, got, reference, ulps);
    }

    private static void CheckDouble(string what, double x, double got, double reference)
    {
        s_checks++;
        long ulps = double.IsNaN(reference) ? (double.IsNaN(got) ? 0 : long.MaxValue) : Distance(got, reference);
        if (ulps != long.MaxValue) s_maxDoubleUlps = Math.Max(s_maxDoubleUlps, ulps);
        if (ulps > DoubleUlps) Report(what, x, got, reference, ulps);
    }

    private static void Report(string what, double x, double got, double reference, long ulps)
    {
        if (s_failures++ < 20) Console.WriteLine($"FAIL {what}({x:R}) = {got:R}, reference {reference:R} ({ulps} ULP)");
    }

    private static long Ordered(float f)
    {
        int i = BitConverter.SingleToInt32Bits(f);
        return i < 0 ? int.MinValue - (long)i : i;
    }

    private static long Distance(double a, double b)
    {
        long i = BitConverter.DoubleToInt64Bits(a), j = BitConverter.DoubleToInt64Bits(b);
        decimal oi = i < 0 ? (decimal)long.MinValue - i : i, oj = j < 0 ? (decimal)long.MinValue - j : j;
        decimal d = Math.Abs(oi - oj);
        return d > long.MaxValue - 1 ? long.MaxValue - 1 : (long)d;
    }
}
EOF
}

# Creates a console project the way a user does and adds the package from the local feed with README's command.
new_consumer() {
  local dir=$1 tfm=$2 log=$3
  mkdir -p "$dir" &&
  # The .NET 10 SDK's console template offers net10.0 only: a net8.0 project is the same project retargeted.
  dotnet new console -n Consumer -o "$dir" --no-restore > "$log" 2>&1 &&
  sed -i "s#<TargetFramework>[^<]*</TargetFramework>#<TargetFramework>$tfm</TargetFramework>#" "$dir/Consumer.csproj" &&
  ( cd "$dir" && echo "\$ $add_command" && bash -c "$add_command" ) >> "$log" 2>&1 &&
  grep -q "Include=\"FusedActivations\" Version=\"$version\"" "$dir/Consumer.csproj" &&
  write_program "$dir" &&
  # Warnings are errors, as in a strict user project; the kernels record the path they run (KernelTrace).
  sed -i 's#</PropertyGroup>#  <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n    <DefineConstants>$(DefineConstants);FUSEDACTIVATIONS_TRACE</DefineConstants>\n  </PropertyGroup>#' "$dir/Consumer.csproj"
}

# Runs a consumer program and checks: exit code 0, "RESULT OK", the runtime it says, the path it says.
check_run() {
  local name=$1 log=$2 runtime=$3 want_path=$4; shift 4
  "$@" > "$log" 2>&1; local rc=$?
  grep -E '^(runtime|aot|path|kernel path[^:]*|checks):' "$log" | sed 's/^/   /'
  local got_path
  got_path=$(sed -nE 's/^path: ([A-Za-z0-9]+) .*/\1/p' "$log" | head -1)
  if [ $rc -ne 0 ] || ! grep -q '^RESULT OK' "$log"; then show "$log"; fail "$name" "exit code $rc"
  elif ! grep -q "^runtime: $runtime" "$log"; then fail "$name" "expected runtime '$runtime', got '$(sed -n 's/^runtime: //p' "$log")'"
  elif [ -n "$want_path" ] && [ "$got_path" != "$want_path" ]; then fail "$name" "path $got_path, expected $want_path"
  else pass "$name ($got_path)"
  fi
}

# ---- net10.0: build with warnings as errors and run
c10="$work/net10"
echo "== net10.0 consumer"
if ! new_consumer "$c10" net10.0 "$work/c10-new.log"; then
  show "$work/c10-new.log"; fail "net10.0 create project + add package"
elif ! dotnet build "$c10" -c Release --nologo -v q > "$work/c10-build.log" 2>&1; then
  show "$work/c10-build.log"; fail "net10.0 build (warnings as errors)"
else
  pass "net10.0 build (warnings as errors)"
  check_run "net10.0 run" "$work/c10-run.log" ".NET 10" "$expected_path" dotnet "$c10/bin/Release/net10.0/Consumer.dll"
fi

# ---- the analyzer in the consumer's build: a separate copy with a naive softplus, so the main build stays clean
echo "== analyzer (FA2001) in a consumer build"
cn="$work/net10-naive"
if [ -f "$c10/Consumer.csproj" ]; then
  mkdir -p "$cn" && cp "$c10/Consumer.csproj" "$c10/Program.cs" "$cn/"
  cat > "$cn/Naive.cs" <<'EOF'
using System;

namespace Consumer;

public static class Naive
{
    public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));
}
EOF
  dotnet build "$cn" -c Release --nologo -v q -p:TreatWarningsAsErrors=false > "$work/naive-build.log" 2>&1
  if grep -qE 'Naive\.cs\([0-9]+,[0-9]+\): warning FA2001' "$work/naive-build.log"; then
    grep -m1 -E 'warning FA2001' "$work/naive-build.log" | sed -E 's#^.*(Naive\.cs)#   \1#; s# \[/.*##'
    pass "analyzer FA2001 fires on Math.Log(1 + Math.Exp(x))"
  else
    show "$work/naive-build.log"; fail "analyzer FA2001 fires on Math.Log(1 + Math.Exp(x))" "no FA2001 warning in the build output"
  fi
else
  fail "analyzer FA2001 fires on Math.Log(1 + Math.Exp(x))" "no net10.0 consumer project"
fi

# ---- net8.0: build, then a self-contained linux-x64 publish that runs on the real .NET 8 runtime
c8="$work/net8"
echo "== net8.0 consumer"
if ! new_consumer "$c8" net8.0 "$work/c8-new.log"; then
  show "$work/c8-new.log"; fail "net8.0 create project + add package"
elif ! dotnet build "$c8" -c Release --nologo -v q > "$work/c8-build.log" 2>&1; then
  show "$work/c8-build.log"; fail "net8.0 build (warnings as errors)"
else
  pass "net8.0 build (warnings as errors)"
  if ! dotnet publish "$c8" -c Release -r linux-x64 --self-contained -p:InvariantGlobalization=true --nologo -v q \
       -o "$work/net8-publish" > "$work/c8-publish.log" 2>&1; then
    show "$work/c8-publish.log"; fail "net8.0 self-contained publish (linux-x64)"
  else
    check_run "net8.0 run on the .NET 8 runtime (self-contained)" "$work/c8-run.log" ".NET 8" "$expected_path" "$work/net8-publish/Consumer"
  fi
fi

# ---- Native AOT: the net10.0 consumer with PublishAot=true, warning-free, run natively.
# Under Native AOT, Avx512F/Avx2/Fma.IsSupported are decided when the binary is compiled, from the instruction set it
# targets (IlcInstructionSet): ILC turns only non-VEX ISAs (SSE4.x, POPCNT, ...) and, above an AVX baseline, FMA/BMI
# into run-time checks, never AVX2 or AVX-512. So with the default (x86-64-v2) target the kernels take the portable
# Vector128 path, and a binary built for x86-64-v4 takes the AVX-512 path (and needs AVX-512 to start). Both are
# checked: results correct, the path each binary reports is the path its kernels ran (KernelTrace), and it is the
# path its instruction set implies.
aot_check() {
  local name=$1 isa=$2 want=$3 dir="$work/aot-$1"
  mkdir -p "$dir" && cp "$c10/Consumer.csproj" "$c10/Program.cs" "$dir/"
  local extra="<PublishAot>true</PublishAot>\n    <InvariantGlobalization>true</InvariantGlobalization>"
  [ -n "$isa" ] && extra="$extra\n    <IlcInstructionSet>$isa</IlcInstructionSet>"
  sed -i "s#</PropertyGroup>#  $extra\n  </PropertyGroup>#" "$dir/Consumer.csproj"
  local label="Native AOT ${isa:-default instruction set}"
  if ! dotnet publish "$dir" -c Release -r linux-x64 --nologo -v q -o "$dir/out" > "$dir.publish.log" 2>&1; then
    show "$dir.publish.log"; fail "$label publish (warnings as errors)"; return
  elif grep -qE 'warning [A-Z]+[0-9]+' "$dir.publish.log"; then
    show "$dir.publish.log"; fail "$label publish" "AOT/trim warnings (see above)"; return
  elif [ ! -x "$dir/out/Consumer" ] || [ -f "$dir/out/Consumer.dll" ]; then
    fail "$label publish" "no native executable in the output"; return
  fi
  pass "$label publish (no AOT/trim warnings)"
  check_run "$label run" "$dir.run.log" ".NET 10" "$want" "$dir/out/Consumer"
  grep -q '^aot: True' "$dir.run.log" || fail "$label run is really AOT" "RuntimeFeature.IsDynamicCodeSupported is true"
}

echo "== Native AOT consumer (net10.0, linux-x64)"
if [ ! -f "$c10/Consumer.csproj" ]; then
  fail "Native AOT publish" "no net10.0 consumer project"
elif ! command -v clang > /dev/null 2>&1; then
  fail "Native AOT publish" "clang is not installed (the Native AOT linker driver): run scripts/setup.sh"
else
  aot_check default "" Vector128
  if [ "$expected_path" = Avx512 ]; then
    aot_check v4 x86-64-v4 Avx512
  elif [ "$expected_path" = Avx2 ]; then
    aot_check v3 x86-64-v3 Avx2
  fi
fi

# ---- the repository's sample (samples/SoftplusTour), built against the package and published with Native AOT
if [ -d "$repo/samples/SoftplusTour" ] && [ -f "$c10/Consumer.csproj" ] && command -v clang > /dev/null 2>&1; then
  echo "== samples/SoftplusTour from the package, Native AOT"
  st="$work/sample-aot"
  mkdir -p "$st" && cp "$repo"/samples/SoftplusTour/*.cs "$st/"
  cat > "$st/NuGet.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <!-- The local feed with the package under test; the machine's default source(s) stay in effect for the rest. -->
  <packageSources>
    <add key="fusedactivations-local" value="$feed" />
  </packageSources>
</configuration>
EOF
  # The repository's settings (Directory.Build.props) and the package instead of the ProjectReferences.
  cat > "$st/SoftplusTour.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <LangVersion>latest</LangVersion>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <InvariantGlobalization>true</InvariantGlobalization>
    <PublishAot>true</PublishAot>
    <!-- The tour shows the naive formula next to the kernel on purpose; the package's analyzer flags it (FA2001). -->
    <NoWarn>\$(NoWarn);FA2001</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="FusedActivations" Version="$version" />
  </ItemGroup>
</Project>
EOF
  if ! dotnet publish "$st" -c Release -r linux-x64 --nologo -v q -o "$st/out" > "$st.publish.log" 2>&1; then
    show "$st.publish.log"; fail "sample Native AOT publish (warnings as errors)"
  elif grep -qE 'warning [A-Z]+[0-9]+' "$st.publish.log"; then
    show "$st.publish.log"; fail "sample Native AOT publish" "AOT/trim warnings (see above)"
  else
    timeout 300 "$st/out/SoftplusTour" > "$st.run.log" 2>&1; rc=$?
    grep -E 'SIMD path' "$st.run.log" | sed 's/^/   /'
    if [ $rc -ne 0 ]; then show "$st.run.log"; fail "sample Native AOT run" "exit code $rc"
    elif ! grep -qE 'SIMD path.*: (Avx512|Avx2|AdvSimd|Vector128|Scalar) ' "$st.run.log"; then fail "sample Native AOT run" "no SIMD path reported"
    else pass "sample (SoftplusTour) Native AOT publish and run"
    fi
  fi
fi

echo
echo "consumer test took $(( $(date +%s) - start )) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
