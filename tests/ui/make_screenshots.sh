#!/bin/sh
# Regenerates docs/screenshots/ from a build folder (default: build): the real app answering with
# the bundled demo reasoner photographs its states (tst_chat_app_e2e, i.e. sikao --screenshots),
# and the window tests add the first-run page, the dark theme, math and code answers (scripted
# engine). Needs
# xvfb-run. Usage: tests/ui/make_screenshots.sh [build-folder]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
out=$root/docs/screenshots
mkdir -p "$out"
SIKAO_SCREENSHOT_DIR=$out xvfb-run -a "$build/tests/ui/tst_chat_app_e2e" -silent
SIKAO_SCREENSHOT_DIR=$out xvfb-run -a "$build/tests/ui/tst_chat_window" -silent
SIKAO_SCREENSHOT_DIR=$out xvfb-run -a "$build/tests/ui/tst_chat_content" -silent
ls "$out"
