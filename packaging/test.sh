#!/usr/bin/env bash
# Installs the Debian packages, builds everything and runs the whole test suite (on lavapipe when
# there is no GPU, under Xvfb when there is no display).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -eq 0 ]; then
  ./packaging/setup-debian.sh
else
  sudo ./packaging/setup-debian.sh
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build
ctest --test-dir build --output-on-failure --timeout 900 -j2
