#!/usr/bin/python3
"""Logit fixtures for the engine cross-check, from the PyTorch qwen3 model with the GGUF's own
weights (F16 widened) computed in float64. Same layout as /work/shared/reference/expected/cpu/*.json:
prompt_ids, positions (top-20 logits per prompt position), last_logits (all n_vocab), greedy
(n_new tokens, top-5 and top1-top2 margin per step).

Usage: fixtures.py MODEL.gguf OUTDIR
"""
import argparse
import os

# One thread for OpenMP and BLAS: on a shared, oversubscribed CPU a second thread spins at every
# barrier (measured: 2 threads took 9x the wall time and 10x the CPU time of 1 here).
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import hashlib
import json
import os

import torch

import bpe
import export
import generate
import tasks

PROMPTS = {
    "en": tasks.prompt_text("What is 487 + 356?"),
    "zh": tasks.prompt_text("今天是星期三，12 天后是星期几？"),
    "turn2": "<|im_start|>user\nWhich is larger, 93 or 139?<|im_end|>\n<|im_start|>assistant\n"
             "The answer is 139.<|im_end|>\n<|im_start|>user\nHow many times does the letter s "
             "appear in mississippi?<|im_end|>\n<|im_start|>assistant\n<think>\nCheck",
}


def top(row, k):
    v, i = torch.topk(row, k)  # ties: torch.topk order is unspecified, so record values too
    return [[int(a), round(float(b), 9)] for a, b in zip(i, v)]


def fixture(net, tok, model_path, name, text, n_new=32):
    ids = tok.encode(text)
    with torch.no_grad():
        logits = net(torch.tensor([ids]))[0]
    new, rows = generate.greedy(net, ids, n_new)
    steps = []
    for r in rows:
        t2 = torch.topk(r, 2).values
        steps.append({"top": top(r, 5), "margin": round(float(t2[0] - t2[1]), 9)})
    return {
        "model_file": os.path.basename(model_path),
        "sha256": hashlib.sha256(open(model_path, "rb").read()).hexdigest(),
        "backend": "pytorch-reference",
        "backend_detail": "tests/tools/bundled_model/model.py, float64, weights read back from the GGUF",
        "settings": {"prompt_eval": "one forward pass over all prompt positions",
                     "greedy": "step k token = argmax (ties: lowest id) of the logits before it; step 0 "
                               "uses the last prompt position; each chosen token is then decoded alone "
                               "with a KV cache"},
        "prompt_name": name,
        "prompt_recipe": "tokenize(prompt_text) with special tokens parsed, no BOS (add_bos_token=false)",
        "prompt_text": text,
        "tokenize": {"add_special": True, "parse_special": True, "bos_added": False},
        "n_vocab": net.c.n_vocab,
        "prompt_ids": ids,
        "positions": [{"pos": p, "token": ids[p], "top": top(logits[p], 20)} for p in range(len(ids))],
        "last_logits": [round(float(x), 9) for x in logits[-1]],
        "greedy": {"n_new": len(new), "ids": new, "text": tok.decode(new), "steps": steps},
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("outdir")
    args = ap.parse_args()
    net, meta = export.load_gguf(args.model, torch.float64)
    tok = bpe.Tokenizer([m.split(" ") for m in meta["tokenizer.ggml.merges"]])
    assert tok.tokens == meta["tokenizer.ggml.tokens"], "GGUF vocabulary differs from the tokenizer's"
    os.makedirs(args.outdir, exist_ok=True)
    stem = os.path.splitext(os.path.basename(args.model))[0]
    for name, text in PROMPTS.items():
        path = os.path.join(args.outdir, f"{stem}.{name}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(fixture(net, tok, args.model, name, text), f, ensure_ascii=False,
                      separators=(",", ":"))
        print(path)


if __name__ == "__main__":
    main()
