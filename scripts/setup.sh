#!/usr/bin/env bash
# Sets up a fresh machine: the arm64 emulation used to test the NEON path, the Native AOT toolchain, then NuGet restore.
# Needs root (or sudo) for apt-get; skips what is already installed. scripts/test.sh runs it by itself (with
# --no-restore: its build restores) when something is missing, so running it by hand is optional.
set -euo pipefail
cd "$(dirname "$0")/.."
restore=1
[ "${1:-}" = --no-restore ] && restore=0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# Wait for another apt/dpkg run (unattended upgrades, a parallel set-up) instead of failing on its lock.
APT="apt-get -o DPkg::Lock::Timeout=600"

if ! command -v qemu-aarch64-static >/dev/null 2>&1 || [ ! -d /usr/aarch64-linux-gnu/lib ]; then
  echo "== installing qemu-user-static and the arm64 C runtime (NEON tests under emulation)"
  $SUDO $APT update -qq
  $SUDO $APT install -y -qq --no-install-recommends \
    qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross libgcc-s1-arm64-cross >/dev/null
fi

# Native AOT (scripts/consumer-test.sh publishes a consumer with PublishAot=true): clang drives the native link
# (the default bfd linker comes with binutils, a clang dependency); zlib1g-dev is on Microsoft's list of prerequisites.
if ! command -v clang >/dev/null 2>&1 || [ ! -f /usr/include/zlib.h ]; then
  echo "== installing clang and zlib1g-dev (Native AOT)"
  $SUDO $APT update -qq
  $SUDO $APT install -y -qq --no-install-recommends clang zlib1g-dev >/dev/null
fi

if [ "$restore" = 1 ]; then
  echo "== dotnet restore"
  dotnet restore Generators.sln --nologo -v q
fi
