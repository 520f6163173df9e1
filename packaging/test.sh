#!/usr/bin/env bash
# Installs the Debian packages, builds everything and runs the whole test suite (on lavapipe when
# there is no GPU, GUI suites under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/build.sh
ctest --test-dir build --output-on-failure --timeout 900 -j2
