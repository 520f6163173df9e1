#!/bin/bash
# Issue 19's ratios on a machine without a GPU: Sikao on lavapipe against llama.cpp's CPU
# backend (2 threads) on the same random-weight files, and stories260K against llama.cpp's
# Vulkan backend on lavapipe, alternating the two programs so that both see the same minutes
# (the shared VM's speed moves by 20-40 % within minutes: only same-minute ratios mean anything).
#
#   tests/tools/cpu_comparison/compare.sh [--rounds N] [--depth D]
#
# Run from the checkout after building (build/app/sikao-bench). The two models are made once
# with `sikao-bench make-model` (seed 1) into build/bench-models. Each round prints llama.cpp's
# and Sikao's pp128 / tg16 per model (-r 2 each), then stories260K pp64 / tg32; with --depth D
# also qwen2's tg16 after D tokens of context (llama-bench -d, sikao-bench -d).
# Environment: SHARED (default ../shared beside the checkout), SIKAO_BENCH
# (default build/app/sikao-bench).
set -euo pipefail

rounds=2 depth=0
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --depth) depth=$2; shift 2 ;;
    *) echo "compare.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/../../.." && pwd)
shared=${SHARED:-$root/../shared}
bench=${SIKAO_BENCH:-$root/build/app/sikao-bench}
cpu=$shared/tools/llama.cpp/cpu-2026
vulkan=$shared/tools/llama.cpp/vulkan-2025
stories=$shared/models/stories260K/stories260K.gguf
models=$root/build/bench-models
for f in "$bench" "$cpu/llama-bench" "$vulkan/llama-bench" "$stories"; do
  [ -e "$f" ] || { echo "compare.sh: $f is missing" >&2; exit 1; }
done

mkdir -p "$models"
qwen2=$models/qwen2-0.5b-random-Q4_K_M.gguf
smollm2=$models/smollm2-135m-random-Q8_0.gguf
[ -f "$qwen2" ] || "$bench" make-model --preset qwen2-0.5b --type Q4_K_M --seed 1 -o "$qwen2"
[ -f "$smollm2" ] || "$bench" make-model --preset smollm2-135m --type Q8_0 --seed 1 -o "$smollm2"

llama() {  # llama.cpp build dir, then llama-bench arguments; prints its result rows
  local dir=$1; shift
  LD_LIBRARY_PATH=$dir "$dir/llama-bench" "$@" 2>&1 | grep -E '\| +(pp|tg)[0-9]' | sed 's/  */ /g'
}
sikao() {  # sikao-bench arguments; prints its result rows
  "$bench" "$@" 2>&1 | grep -E '^\| (pp|tg)[0-9]'
}

for round in $(seq 1 "$rounds"); do
  echo "== round $round $(date -u +%T) load $(cut -d' ' -f1 /proc/loadavg)"
  for m in "$qwen2" "$smollm2"; do
    name=$(basename "$m" .gguf)
    llama "$cpu" -m "$m" -p 128 -n 16 -t 2 -r 2 | sed "s/^/llama.cpp-cpu $name /"
    sikao -m "$m" -p 128 -n 16 -r 2 | sed "s/^/sikao $name /"
  done
  if [ "$depth" -gt 0 ]; then
    llama "$cpu" -m "$qwen2" -p 0 -n 16 -d "$depth" -t 2 -r 2 | sed "s/^/llama.cpp-cpu qwen2 /"
    sikao -m "$qwen2" -p 0 -n 16 -d "$depth" -r 2 | sed "s/^/sikao qwen2 /"
  fi
  llama "$vulkan" -m "$stories" -p 64 -n 32 -ngl 99 -r 2 | sed "s/^/llama.cpp-vulkan stories260K /"
  sikao -m "$stories" -p 64 -n 32 -r 3 | sed "s/^/sikao stories260K /"
done
