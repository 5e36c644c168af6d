#!/usr/bin/env bash
# Installs what ttrace needs to build, test and benchmark, from Debian 12's
# packages only (nothing is downloaded at build time). Idempotent: does
# nothing when everything is already installed. Run as root.
set -euo pipefail
packages=(bazel-bootstrap g++ libabsl-dev libgtest-dev libbenchmark-dev
  libseccomp-dev strace clang libclang-rt-14-dev pkgconf python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
