#!/usr/bin/env bash
# CPU-time A/B of the FA2xxx analyzers: builds the generated corpus alternately without and with the analyzer and
# compares the user+system CPU time of the whole build (all MSBuild and compiler processes). CPU time is much less
# sensitive than wall-clock time to other work on the machine, which inflates ReportAnalyzer's per-callback timings.
# Usage: analyzers/perf/measure_cpu.sh [FILES] [PAIRS] [NAIVE_RATE]; output under analyzers/perf/out/ (ignored).
set -euo pipefail
files="${1:-2000}"
pairs="${2:-2}"
rate="${3:-0.025}"
source "$(dirname "$0")/prepare_corpus.sh" "$files" "$rate"
cpu() { # prints user+sys seconds of one full build; $1 = analyzer path or empty
  local start end me=$BASHPID # this shell: the build below is its child, reaped before the second reading
  start=$(awk '{print $14+$15+$16+$17}' "/proc/$me/stat")
  ( dotnet build "$out/corpus/PerfCorpus.csproj" --no-restore --no-incremental -c Release -nologo -v:q -nodeReuse:false \
      -p:UseSharedCompilation=false -p:FusedAnalyzersPath="$1" -p:FusedRuntimePath="$runtime" > "$out/last.log" 2>&1 )
  end=$(awk '{print $14+$15+$16+$17}' "/proc/$me/stat")
  echo "scale=2; ($end - $start) / $(getconf CLK_TCK)" | bc
}
printf "%-5s %14s %14s %10s\n" pair without_s with_s delta
for pair in $(seq 1 "$pairs"); do
  a=$(cpu "")
  b=$(cpu "$dll")
  printf "%-5s %14s %14s %9.2f%%\n" "$pair" "$a" "$b" "$(echo "100 * ($b - $a) / $a" | bc -l)"
done
