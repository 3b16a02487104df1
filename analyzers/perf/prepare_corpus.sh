#!/usr/bin/env bash
# Shared setup of measure.sh and measure_cpu.sh, sourced with the corpus size and the naive rate:
#   source prepare_corpus.sh FILES NAIVE_RATE
# Writes a fresh corpus, the analyzer build and the runtime library under analyzers/perf/out/; sets $here, $out, $dll
# and $runtime.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/out"
rm -rf "$out"
python3 "$here/generate_corpus.py" "$out/corpus" "$1" "$2"
dotnet build "$here/../FusedActivations.Analyzers/FusedActivations.Analyzers.csproj" -c Release -o "$out/analyzer" -v:q -nologo >/dev/null
dll="$out/analyzer/FusedActivations.Analyzers.dll"
dotnet build "$here/../../src/FusedActivations/FusedActivations.csproj" -c Release -p:FusedActivationsTargetFrameworks=net10.0 -o "$out/runtime" -v:q -nologo >/dev/null
runtime="$out/runtime/FusedActivations.dll"
dotnet restore "$out/corpus/PerfCorpus.csproj" -v:q -nologo >/dev/null
