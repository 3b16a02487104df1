#!/usr/bin/env python3
"""Instructions per element of the generated kernels, from the JIT's own disassembly.

Input: files written with DOTNET_JitDisasm='*Steps' DOTNET_JitStdOutFile=FILE (one per path: the x64 test host on each
SIMD path, the arm64 test harness under qemu). Each kernel class's unrolled step ('<Isa>Steps') computes Unroll vectors
side by side with no loop: its instruction count (loads and stores included, the prologue and epilogue too), divided
by the elements it handles, is the cost per element. Steps that call a group method ('<Isa>Group', computing fewer
vectors side by side) count each call with the group's instructions (run with DOTNET_JitDisasm='*Steps *Group'); where
the JIT inlined such a Steps into its loop, the group's instructions over the vectors it stores (stores not to the
stack) are the cost per vector. Steps that call anything else are left out ('—').

Usage: instruction_counts.py --unroll 4 PATH=FILE [PATH=FILE ...]  (PATH one of Avx512, Avx2, AdvSimd, Vector128)
Prints a markdown table: kernel class, then per path instructions per element (and per vector).
"""
import re
import sys
from collections import defaultdict

LANES = {"Avx512": 16, "Avx2": 8, "AdvSimd": 4, "Vector128": 4}

def parse(path_name, file_name, unroll):
    """Instructions of each kernel's Steps on path_name, with its calls of the kernel's own Group method expanded."""
    methods = {}  # (kernel, "Steps" or "Group") -> (instructions, calls, vector stores not to the stack)
    current, n, calls, stores = None, 0, 0, 0
    store = re.compile(r"^(vmovups\s+(xmm|ymm|zmm)word ptr \[(?!rsp|rbp)|str\s+q\d+, \[(?!sp|fp))")
    header = re.compile(r"^; Assembly listing for method FusedActivations\.Generated\.(\w+?)(?:_[0-9a-f]{8})?`1\[.*?__(\w+)Constants\]:(\w+?)(Steps|Group)\(")
    def flush():
        if current is not None:
            methods[current] = (n, calls, stores)
    with open(file_name, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("; Assembly listing"):
                flush()
                current = None
            m = header.match(line)
            if m:
                kernel, isa = f"{m.group(1)} ({m.group(2)})", m.group(3)
                current = (kernel, m.group(4)) if isa == path_name else None
                n, calls, stores = 0, 0, 0
                continue
            if current is None:
                continue
            s = line.strip()
            if not s or s.startswith(";") or s.endswith(":") or s.startswith("align"):
                continue
            n += 1
            if store.match(s):
                stores += 1
            if re.match(r"(call|bl|blr)\b", s) and "CORINFO_HELP" not in s:
                calls += 1
    flush()
    counts = {}  # kernel -> instructions per vector
    for (kernel, kind), (n, calls, _) in methods.items():
        group = methods.get((kernel, "Group"))
        if kind == "Steps" and calls == 0:
            counts[kernel] = n / unroll
        elif kind == "Steps" and group is not None and group[1] == 0:
            counts[kernel] = (n + calls * group[0]) / unroll
        elif kind == "Group" and (kernel, "Steps") not in methods and calls == 0 and group[2] > 0:
            counts[kernel] = n / group[2]
    return counts

def main(argv):
    unroll = 4
    runs = []
    i = 0
    while i < len(argv):
        if argv[i] == "--unroll":
            unroll = int(argv[i + 1]); i += 2; continue
        path, file_name = argv[i].split("=", 1)
        runs.append((path, parse(path, file_name, unroll)))
        i += 1
    kernels = sorted({k for _, c in runs for k in c})
    print("| kernel | " + " | ".join(f"{p}: per element (per vector)" for p, _ in runs) + " |")
    print("|---|" + "---:|" * len(runs))
    for k in kernels:
        cells = []
        for p, c in runs:
            if k in c:
                per_vector = c[k]
                lanes = LANES[p] // (2 if "Double" in k else 1)
                cells.append(f"{per_vector / lanes:.2f} ({per_vector:.1f})")
            else:
                cells.append("—")
        print(f"| {k} | " + " | ".join(cells) + " |")

if __name__ == "__main__":
    main(sys.argv[1:])
