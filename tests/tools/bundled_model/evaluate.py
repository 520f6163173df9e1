#!/usr/bin/python3
"""Acceptance metric on the PyTorch side: greedy completions of fresh tasks.py problems, judged by
tasks.judge (well-formed think block + answer line; exact answer), per language.

Usage: evaluate.py MODEL.gguf --seed 777 --n 200 [--out completions.jsonl]
(--n problems per language; seed 777 is not used by training, whose batches use seeds
1_000_003 * s + k, nor by the tokenizer, which used seeds 1 and 2.)
"""
import argparse
import os

# One thread for OpenMP and BLAS: on a shared, oversubscribed CPU a second thread spins at every
# barrier (measured: 2 threads took 9x the wall time and 10x the CPU time of 1 here).
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import json
import time

import torch

import bpe
import export
import generate
import tasks


def seen_in_training(checkpoint, problems):
    """Evaluation questions that were also a training target (small task spaces, e.g. weekday
    questions, repeat); returned per language as 'k/n'."""
    st = torch.load(checkpoint)
    a = st["args"]
    seen = set()
    for step in range(st["step"]):
        seen.update(p["question"] for p in tasks.generate(a["seed"] * 1_000_003 + step, a["batch"] * 3)[:a["batch"]])
    out = {}
    for p in problems:
        k = out.setdefault(p["lang"], [0, 0])
        k[0] += p["question"] in seen
        k[1] += 1
    return {lang: f"{k}/{n}" for lang, (k, n) in out.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--seed", type=int, default=777)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--max-new", type=int, default=256)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out")
    ap.add_argument("--train-checkpoint", help="checkpoint.pt of the run, to report how many evaluation "
                    "questions also occurred verbatim as training targets")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    net, meta = export.load_gguf(args.model, torch.float32)
    tok = bpe.Tokenizer([m.split(" ") for m in meta["tokenizer.ggml.merges"]])
    eos = meta["tokenizer.ggml.eos_token_id"]
    pairs, t0 = [], time.time()
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    for lang in ("en", "zh"):
        # Problems with equal prompt lengths are decoded together (same positions, no padding).
        buckets = {}
        for p in tasks.generate(args.seed, args.n, lang=lang):
            ids = tok.encode(tasks.prompt_text(p["question"]))
            buckets.setdefault(len(ids), []).append((p, ids))
        for group in buckets.values():
            outs = generate.greedy_batch(net, [ids for _, ids in group], args.max_new, eos)
            for (p, _), new in zip(group, outs):
                completion = tok.decode(new)
                pairs.append((p, completion))
                if out:
                    wf, ok = tasks.judge(p, completion)
                    out.write(json.dumps({"problem": p, "completion": completion, "well_formed": wf,
                                          "correct": ok}, ensure_ascii=False) + "\n")
    res = tasks.score(pairs)
    by_kind = {}
    for p, c in pairs:
        k = by_kind.setdefault(f"{p['lang']}/{p['kind']}", [0, 0])
        k[0] += 1
        k[1] += tasks.judge(p, c)[1]
    res["correct_by_kind"] = {k: f"{v[1]}/{v[0]}" for k, v in sorted(by_kind.items())}
    res["seconds"] = round(time.time() - t0, 1)
    if args.train_checkpoint:
        res["seen_in_training"] = seen_in_training(args.train_checkpoint, [p for p, _ in pairs])
    print(json.dumps(res, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
