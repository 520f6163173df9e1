#!/usr/bin/env bash
# Regenerates the golden logits in this folder: for each family's tiny preset (sikao-bench
# make-model --preset test-*) in F32, Q8_0 and Q4_K_M (and test-gpt-oss in MXFP4_MOE), seed 7, llama.cpp's CPU backend
# (../shared/tools/llama.cpp/cpu-2026/llama-ref, the reference) evaluates 100 random prompt ids
# and 32 greedy steps in a context of 512. The tests regenerate the models from the same seed and
# check the sha256 that llama-ref recorded (make_family_models.cmake).
#
# llama.cpp's CPU backend rounds activations to 8 bits before every k-quant dot product, so an
# engine that computes in float lands up to ~0.1-0.18 · std from it on Q4_K_M. The direct Q4_K_M
# files are stored only where the engine is inside the 0.15 · std rule of
# ../shared/reference/README.md §3 (gemma2, gemma3, granite, llama-linear); test-llama3,
# test-qwen2-yarn, test-phi4, test-smollm3 and test-ministral3 are 0.155-0.182 · std away. For
# every family, <preset>-Q4_K_M.dequantized.json holds llama.cpp's logits on the same weights
# dequantised to F32 (llama-quantize --allow-requantize ... F32, ggml's own dequantisers): the
# engine's Q4_K_M run is checked against them at the F32 rule, 0.01 · std (tolerance_c), which
# is 15 times tighter. That file records the Q4_K_M file's sha256 (the model the test loads) and
# the dequantised file's as dequantized_sha256. The mixtures of experts' Q8_0 files are checked
# the same way (below).
set -euo pipefail
bench=$(realpath "$1")
shared=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# PRESETS="test-a test-b" regenerates only those.
presets=${PRESETS:-"test-llama3 test-llama-linear test-qwen2-yarn test-gemma2 test-gemma3 test-phi4 test-smollm3 test-granite test-ministral3 test-qwen3moe test-gpt-oss test-qwen35 test-qwen35moe test-qwen35moe-fused"}
# ref MODEL_FILE OUT_JSON [N_IDS CTX GREEDY]: llama-ref on a model in $work (by default 100 random
# ids — $ids — in a context of 512, 32 greedy steps); warnings are failures.
ref() {
  (cd "$work" && "$shared/tools/llama.cpp/cpu-2026/llama-ref" -m "$1" --random-ids "${3:-$ids}" \
      --seed 11 --greedy "${5:-32}" --top 20 --threads 2 --ctx "${4:-512}" --name "random${3:-$ids}" \
      2>"$1.log") >"$2"
  if grep -iE "warn|unexpected|missing" "$work/$1.log"; then
    echo "llama.cpp warned on $1" >&2
    exit 1
  fi
}
# located SRC DST LOCATION: llama-ref's JSON with model_location naming how to regenerate it.
located() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
src, dst, location = sys.argv[1:]
ref = json.load(open(src))
ref["model_location"] = location
json.dump(ref, open(dst, "w"), separators=(",", ":"))
PY
}
for preset in $presets; do
  types="F32 Q8_0 Q4_K_M"
  # A recurrent state (Qwen3.5's DeltaNet layers) is carried between prefill batches (256 tokens
  # in the tests): 300 ids cross one.
  ids=100
  case $preset in test-qwen35|test-qwen35moe|test-qwen35moe-fused) ids=300 ;; esac
  # test-qwen35moe's weights with the experts' gate and up in one ffn_gate_up_exps stack: the
  # loader's other path, in float and through a k-quant.
  [ "$preset" = test-qwen35moe-fused ] && types="F32 Q4_K_M"
  # gpt-oss ships as MXFP4_MOE (MXFP4 experts, Q8_0 elsewhere; byte-identical to llama-quantize's).
  [ "$preset" = test-gpt-oss ] && types="$types MXFP4_MOE"
  for type in $types; do
    name=$preset-$type
    "$bench" make-model --preset "$preset" --type "$type" --seed 7 -o "$work/$name.gguf" >/dev/null
    location="generated: sikao-bench make-model --preset $preset --type $type --seed 7"
    direct=yes
    dequantized=no
    if [ "$type" = Q4_K_M ]; then
      case $preset in test-gemma2|test-gemma3|test-granite|test-llama-linear) ;; *) direct=no ;; esac
      dequantized=yes
    fi
    # A mixture of experts amplifies the 8-bit activations: where two experts' router scores are
    # close, llama.cpp's quantised run chooses another expert than the same weights in float
    # (test-qwen3moe Q8_0: its own Q8_0 run and its run on the dequantised weights differ by up
    # to 1.73 · std, at 7 of 101 positions). Its quantised MoE files are checked only through
    # the dequantised weights, at the F32 rule (test-gpt-oss the same). Even in float, llama.cpp
    # rounds q and the attention probabilities to f16 (its f16 KV cache's dot products), about
    # 1e-3 relative, which flips a token's last chosen expert where the router's logits nearly
    # tie: with test-gpt-oss's router biases at 0.5 · N(0, 1) its Q8_0 and Q4_K_M dequantised
    # files each had one such position (0.18 and 0.33 off at positions 89 and 32, every other
    # position within 0.02, the engine itself identical on the Q8_0 file and its dequantised
    # F32); at 2 · N(0, 1) (random_model.cpp) the logits spread further than that and none do.
    # A recurrence amplifies them too: on test-qwen35's 300 tokens llama.cpp's own Q8_0 run and
    # its run on the dequantised weights differ by a median of 0.26 · std and up to 1.13 · std
    # (top-20 ids per position; the decay exp(softplus(·) · a), a down to −16, carries the 8-bit
    # rounding of the α projection into the state of every later token), while the engine's F32
    # run is within 0.001 of llama.cpp's. Its quantised files are checked through the dequantised
    # weights as well.
    case $preset in test-qwen3moe|test-gpt-oss|test-qwen35|test-qwen35moe|test-qwen35moe-fused) [ "$type" = F32 ] || { direct=no; dequantized=yes; } ;; esac
    if [ $dequantized = yes ]; then
      "$shared/tools/llama.cpp/cpu-2026/llama-quantize" --allow-requantize "$work/$name.gguf" \
          "$work/$name-dequantized.gguf" F32 >/dev/null 2>&1
      ref "$name-dequantized.gguf" "$work/$name.dequantized.json"
      python3 - "$work/$name.dequantized.json" "$here/$name.dequantized.json" "$work/$name.gguf" "$location" <<'PY'
import hashlib, json, sys
src, dst, model, location = sys.argv[1:]
ref = json.load(open(src))
ref["dequantized_model_file"] = ref["model_file"]
ref["dequantized_sha256"] = ref["sha256"]
ref["model_file"] = model.rsplit("/", 1)[-1]
ref["sha256"] = hashlib.sha256(open(model, "rb").read()).hexdigest()
ref["model_location"] = location
ref["tolerance_c"] = 0.01
quant_type = model.rsplit("-", 1)[-1].removesuffix(".gguf")
ref["reference_note"] = (f"llama.cpp CPU logits of this {quant_type} file's weights dequantised to F32 "
                         "(llama-quantize --allow-requantize F32): float activations, so the F32 rule applies")
json.dump(ref, open(dst, "w"), separators=(",", ":"))
PY
      echo "$name (dequantized)"
    fi
    if [ $direct = yes ]; then
      ref "$name.gguf" "$work/$name.json"
      located "$work/$name.json" "$here/$name.json" "$location"
      echo "$name"
    fi
    # LongRoPE's short factors: a context of 256, no longer than the original context (256;
    # llama.cpp rounds a context up to a multiple of 256 before it chooses).
    if [ "$preset" = test-phi4 ] && [ "$type" != Q4_K_M ]; then
      ref "$name.gguf" "$work/$name.short.json" 100 256 32
      located "$work/$name.short.json" "$here/$name.short-context.json" "$location"
      echo "$name (short context)"
    fi
  done
done
