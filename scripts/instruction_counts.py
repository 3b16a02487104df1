#!/usr/bin/env python3
"""Instructions per element of the generated kernels, from the JIT's own disassembly.

Input: files written with DOTNET_JitDisasm='*Steps' DOTNET_JitStdOutFile=FILE (one per path: the x64 test host on each
SIMD path, the arm64 test harness under qemu). Each kernel class's unrolled step ('<Isa>Steps') computes Unroll vectors
side by side with no loop: its instruction count (loads and stores included, the prologue and epilogue too), divided
by the elements it handles, is the cost per element. Steps that call a group method (widened kernels with fewer
registers) are skipped: the count would miss the callee.

Usage: instruction_counts.py --unroll 4 PATH=FILE [PATH=FILE ...]  (PATH one of Avx512, Avx2, AdvSimd, Vector128)
Prints a markdown table: kernel class, then per path instructions per element (and per vector).
"""
import re
import sys
from collections import defaultdict

LANES = {"Avx512": 16, "Avx2": 8, "AdvSimd": 4, "Vector128": 4}

def parse(path_name, file_name):
    counts = {}
    current, n, calls = None, 0, 0
    header = re.compile(r"^; Assembly listing for method FusedActivations\.Generated\.(\w+?)(?:_[0-9a-f]{8})?`1\[.*?__(\w+)Constants\]:(\w+)Steps\(")
    def flush():
        if current is not None and calls == 0:
            counts[current] = n
    with open(file_name, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("; Assembly listing"):
                flush()
                current = None
            m = header.match(line)
            if m:
                kernel, isa = f"{m.group(1)} ({m.group(2)})", m.group(3)
                current = kernel if isa == path_name else None
                n, calls = 0, 0
                continue
            if current is None:
                continue
            s = line.strip()
            if not s or s.startswith(";") or s.endswith(":") or s.startswith("align"):
                continue
            n += 1
            if re.match(r"(call|bl|blr)\b", s) and "CORINFO_HELP" not in s:
                calls += 1
    flush()
    return counts

def main(argv):
    unroll = 4
    runs = []
    i = 0
    while i < len(argv):
        if argv[i] == "--unroll":
            unroll = int(argv[i + 1]); i += 2; continue
        path, file_name = argv[i].split("=", 1)
        runs.append((path, parse(path, file_name)))
        i += 1
    kernels = sorted({k for _, c in runs for k in c})
    print("| kernel | " + " | ".join(f"{p}: per element (per vector)" for p, _ in runs) + " |")
    print("|---|" + "---:|" * len(runs))
    for k in kernels:
        cells = []
        for p, c in runs:
            if k in c:
                per_vector = c[k] / unroll
                lanes = LANES[p] // (2 if "Double" in k else 1)
                cells.append(f"{per_vector / lanes:.2f} ({per_vector:.1f})")
            else:
                cells.append("—")
        print(f"| {k} | " + " | ".join(cells) + " |")

if __name__ == "__main__":
    main(sys.argv[1:])
