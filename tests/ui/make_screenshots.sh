#!/bin/sh
# Regenerates docs/screenshots/ from a build folder (default: build): the chat window's states
# with the scripted engine (tst_chat_window), and the real app answering with the bundled demo
# reasoner. Needs xvfb-run. Usage: tests/ui/make_screenshots.sh [build-folder]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
out=$root/docs/screenshots
mkdir -p "$out"
SIKAO_SCREENSHOT_DIR=$out xvfb-run -a "$build/tests/ui/tst_chat_window" -silent
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config xvfb-run -a "$build/app/sikao" \
  "$root/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf" \
  --send "What is 12 + 7?" --screenshot "$out/demo-reasoner-answer.png" --quit-after-answer
ls "$out"
