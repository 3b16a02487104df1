#!/usr/bin/env bash
# Measures the FA2xxx analyzers' share of build time on a generated corpus (see generate_corpus.py).
# Usage: analyzers/perf/measure.sh [FILES] [RUNS] [NAIVE_RATE]
# Everything goes to analyzers/perf/out/ (ignored by git): the corpus, the analyzer build, one build log per run.
# Each run is a full, non-incremental Release build of the corpus with -p:ReportAnalyzer=true, out of process
# (no compiler server), with the SDK's default .NET analyzers on, as in a real project.
set -euo pipefail
files="${1:-2000}"
runs="${2:-3}"
rate="${3:-0.025}"
source "$(dirname "$0")/prepare_corpus.sh" "$files" "$rate"
printf "%-4s %10s %10s %14s %12s %8s %8s %8s\n" run build_s csc_s analyzers_s ours_s ours/csc ours/all warnings
for run in $(seq 1 "$runs"); do
  log="$out/build$run.log"
  dotnet build "$out/corpus/PerfCorpus.csproj" --no-restore --no-incremental -c Release -nologo -v:d -clp:PerformanceSummary \
    -p:ReportAnalyzer=true -p:FusedAnalyzersPath="$dll" -p:FusedRuntimePath="$runtime" -p:UseSharedCompilation=false > "$log"
  build=$(grep -E "^Time Elapsed" "$log" | tail -1 | awk -F'[: ]+' '{print $3*3600 + $4*60 + $5}')
  csc=$(grep -E "^\s+[0-9]+ ms\s+Csc\s" "$log" | tail -1 | awk '{print $1/1000}')
  all=$(grep -m1 "Total analyzer execution time" "$log" | grep -oE "[0-9]+\.[0-9]+")
  ours=$(grep -m1 "FusedActivations.Analyzers.NumericStabilityAnalyzer" "$log" | awk '{print $1}')
  reports=$( (grep -oE "/[^ ]+\.cs\([0-9,]+\): (warning|info) FA20[0-9]+" "$log" || true) | sort -u | wc -l)
  printf "%-4s %10.2f %10.2f %14.3f %12.3f %7.2f%% %7.2f%% %6s\n" "$run" "$build" "$csc" "$all" "$ours" \
    "$(echo "100 * $ours / $csc" | bc -l)" "$(echo "100 * $ours / $all" | bc -l)" "$reports"
done
