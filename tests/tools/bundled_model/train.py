#!/usr/bin/python3
"""Trains the bundled qwen3 model on tasks.py conversations (CPU, Debian python3-torch).

Every training sequence is a ChatML conversation as the GGUF chat template renders it; the loss is
on the last assistant turn only (its <think> block, answer and <|im_end|>). A fraction of the
sequences (--history, default a quarter) carry 1..--max-history earlier turns, rendered as the
template renders history (reasoning stripped), so the model also works deep into a chat; with
--other, that fraction of conversations ends in a question outside the model's kinds
(other_prompts.py), answered with tasks.HONEST_REPLY. Batch k of the run is drawn from
tasks.generate(seed * 1_000_003 + k, ...) (and generate_other with the same seed), so a run is
reproducible and resumable from a checkpoint; --init-gguf starts a new run from a GGUF's weights.

Usage (see README.md):
  nice -n 19 train.py --out run/ --steps 3000 [--resume]
  nice -n 19 train.py --out run2/ --init-gguf model.gguf --other 0.3 --history 0.5 --max-history 6
"""
import argparse
import os

# One thread for OpenMP and BLAS: on a shared, oversubscribed CPU a second thread spins at every
# barrier (measured: 2 threads took 9x the wall time and 10x the CPU time of 1 here).
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import json
import math
import random
import time

import torch

import bpe
import model as qwen3
import tasks


def history_text(problem):
    """A previous turn as the chat template renders it: the assistant's reasoning is removed."""
    answer = problem["response"].split("</think>")[-1].lstrip("\n")
    return (f"<|im_start|>user\n{problem['question']}<|im_end|>\n"
            f"<|im_start|>assistant\n{answer}<|im_end|>\n")


def make_batch(tok, seed, batch, n_ctx, other=0.0, history=0.25, max_history=2):
    """A batch of conversations: the last turn is a problem of the model's kinds, or (fraction
    `other`) a question outside them; a fraction `history` carries 1..max_history earlier turns
    (a fifth of them outside the kinds when `other` > 0), the oldest dropped until it fits n_ctx."""
    rng = random.Random(seed)
    probs = tasks.generate(seed, batch * (1 + max_history))
    others = tasks.generate_other(seed, batch * (1 + max_history)) if other > 0 else []
    seqs, masks = [], []
    for i in range(batch):
        p = others[i] if other > 0 and rng.random() < other else probs[i]
        turns = []
        if rng.random() < history:
            for j in range(rng.randint(1, max_history)):
                k = batch + i * max_history + j
                turns.append(others[k] if other > 0 and rng.random() < 0.2 else probs[k])
        target = tok.encode(p["response"] + "<|im_end|>")
        question = tok.encode(tasks.prompt_text(p["question"]))
        earlier = [tok.encode(history_text(h)) for h in turns]
        while earlier and sum(map(len, earlier)) + len(question) + len(target) > n_ctx + 1:
            earlier.pop(0)
        ctx = [t for e in earlier for t in e] + question
        ids = (ctx + target)[:n_ctx + 1]
        seqs.append(ids)
        masks.append(([0] * len(ctx) + [1] * len(target))[:n_ctx + 1])
    T = max(map(len, seqs))
    x = torch.zeros(batch, T - 1, dtype=torch.long)
    y = torch.zeros(batch, T - 1, dtype=torch.long)
    m = torch.zeros(batch, T - 1)
    for i, (s, k) in enumerate(zip(seqs, masks)):
        n = len(s) - 1
        x[i, :n] = torch.tensor(s[:-1])
        y[i, :n] = torch.tensor(s[1:])
        m[i, :n] = torch.tensor(k[1:], dtype=torch.float32)
    return x, y, m


def lr_at(step, steps, peak, warmup):
    if step < warmup:
        return peak * (step + 1) / warmup
    t = (step - warmup) / max(1, steps - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, t))))


def save(path, net, opt, step, cfg, args):
    tmp = path + ".tmp"
    torch.save({"model": net.state_dict(), "opt": opt.state_dict(), "step": step,
                "config": cfg.__dict__, "args": vars(args)}, tmp)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--tokenizer", default=os.path.join(os.path.dirname(__file__), "tokenizer.json"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--n-embd", type=int, default=128)
    ap.add_argument("--n-layer", type=int, default=4)
    ap.add_argument("--n-ff", type=int, default=384)
    ap.add_argument("--ckpt-every", type=int, default=100)
    ap.add_argument("--max-minutes", type=float, default=0, help="stop (with a checkpoint) after this long")
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--init-gguf", help="start from this GGUF's weights (a new run: fresh optimiser)")
    ap.add_argument("--other", type=float, default=0.0,
                    help="fraction of conversations ending in a question outside the kinds")
    ap.add_argument("--history", type=float, default=0.25, help="fraction with earlier turns")
    ap.add_argument("--max-history", type=int, default=2, help="at most this many earlier turns")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    os.makedirs(args.out, exist_ok=True)
    tok = bpe.Tokenizer.load(args.tokenizer)
    cfg = qwen3.Config(n_vocab=len(tok.tokens), n_embd=args.n_embd, n_layer=args.n_layer,
                       n_ff=args.n_ff, head_dim=args.n_embd // 4)
    ckpt = os.path.join(args.out, "checkpoint.pt")
    net = qwen3.Qwen3(cfg)
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, betas=(0.9, 0.95), weight_decay=0.01)
    step = 0
    if args.init_gguf:
        import export
        net, _ = export.load_gguf(args.init_gguf, torch.float32)
        net.train()
        cfg = net.c
        opt = torch.optim.AdamW(net.parameters(), lr=args.lr, betas=(0.9, 0.95), weight_decay=0.01)
        print(f"starting from {args.init_gguf}")
    if args.resume and os.path.exists(ckpt):
        st = torch.load(ckpt)
        cfg = qwen3.Config(**st["config"])
        net = qwen3.Qwen3(cfg)
        net.load_state_dict(st["model"])
        opt = torch.optim.AdamW(net.parameters(), lr=args.lr, betas=(0.9, 0.95), weight_decay=0.01)
        opt.load_state_dict(st["opt"])
        step = st["step"]
        print(f"resumed at step {step}")
    print(f"config {cfg.__dict__}, {net.n_params()} parameters", flush=True)
    log = open(os.path.join(args.out, "train_log.jsonl"), "a")
    t0, ema = time.time(), None
    while step < args.steps:
        x, y, m = make_batch(tok, args.seed * 1_000_003 + step, args.batch, cfg.n_ctx,
                             args.other, args.history, args.max_history)
        for g in opt.param_groups:
            g["lr"] = lr_at(step, args.steps, args.lr, args.warmup)
        logits = net(x)
        loss = (torch.nn.functional.cross_entropy(logits.flatten(0, 1), y.flatten(), reduction="none")
                * m.flatten()).sum() / m.sum()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        step += 1
        ema = loss.item() if ema is None else 0.95 * ema + 0.05 * loss.item()
        if step % 10 == 0:
            rec = {"step": step, "loss": round(loss.item(), 4), "ema": round(ema, 4),
                   "tokens": int(m.sum()), "elapsed_s": round(time.time() - t0, 1)}
            log.write(json.dumps(rec) + "\n")
            log.flush()
            print(rec, flush=True)
        out_of_time = args.max_minutes and time.time() - t0 > args.max_minutes * 60
        if step % args.ckpt_every == 0 or step == args.steps or out_of_time:
            save(ckpt, net, opt, step, cfg, args)
        if out_of_time:
            print(f"stopping at step {step}: --max-minutes reached")
            break


if __name__ == "__main__":
    main()
