#!/usr/bin/env bash
# Installs the Debian packages, builds everything and runs the whole test suite (on lavapipe when
# there is no GPU, GUI suites under Xvfb), then the sanitizer build's.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/build.sh
ctest --test-dir build --output-on-failure --timeout 900 -j2
# The sanitizer build: clang with AddressSanitizer and UBSan, the libFuzzer targets (about a
# minute each) and the parsers' suites again under the sanitizers.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIKAO_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14
cmake --build build-fuzz
ctest --test-dir build-fuzz --output-on-failure --timeout 900 -j2
