#!/usr/bin/env bash
# Sets up a fresh machine: the arm64 emulation used to test the NEON path, the Native AOT toolchain, then NuGet restore.
# Needs root (or sudo) for apt-get; skips what is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if ! command -v qemu-aarch64-static >/dev/null 2>&1 || [ ! -d /usr/aarch64-linux-gnu/lib ]; then
  echo "== installing qemu-user-static and the arm64 C runtime (NEON tests under emulation)"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends \
    qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross libgcc-s1-arm64-cross >/dev/null
fi

# Native AOT (scripts/consumer-test.sh publishes a consumer with PublishAot=true): clang drives the native link
# (the default bfd linker comes with binutils, a clang dependency); zlib1g-dev is on Microsoft's list of prerequisites.
if ! command -v clang >/dev/null 2>&1 || [ ! -f /usr/include/zlib.h ]; then
  echo "== installing clang and zlib1g-dev (Native AOT)"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends clang zlib1g-dev >/dev/null
fi

echo "== dotnet restore"
dotnet restore Generators.sln --nologo -v q
