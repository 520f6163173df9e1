#!/usr/bin/env bash
# Installs the Debian packages (as root, or through sudo) and builds everything into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -eq 0 ]; then
  ./packaging/setup-debian.sh
else
  sudo ./packaging/setup-debian.sh
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build
