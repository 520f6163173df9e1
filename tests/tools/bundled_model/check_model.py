#!/usr/bin/python3
"""Checks model.py against a naive float64 qwen3 forward pass written with explicit per-position,
per-head loops from the GGUF tensors alone (numpy, no torch in the reference path).

Usage: check_model.py MODEL.gguf   (prints the max |difference| of all logits for a short prompt)
"""
import math
import sys

import numpy as np
import torch

import export
import gguf_file
import tasks
import bpe


def rms(v, w, eps):
    return v / math.sqrt(float(np.mean(v * v)) + eps) * w


def naive_logits(meta, t, ids):
    a = "qwen3"
    n_layer, n_head = meta[f"{a}.block_count"], meta[f"{a}.attention.head_count"]
    n_kv, hd = meta[f"{a}.attention.head_count_kv"], meta[f"{a}.attention.key_length"]
    eps, base = meta[f"{a}.attention.layer_norm_rms_epsilon"], meta[f"{a}.rope.freq_base"]
    W = {k: v.astype(np.float64) for k, v in t.items()}
    xs = [W["token_embd.weight"][i].copy() for i in ids]
    for L in range(n_layer):
        p = lambda n: W[f"blk.{L}.{n}.weight"]
        qs, ks, vs = [], [], []
        for pos, x in enumerate(xs):
            h = rms(x, p("attn_norm"), eps)
            q = (p("attn_q") @ h).reshape(n_head, hd)
            k = (p("attn_k") @ h).reshape(n_kv, hd)
            v = (p("attn_v") @ h).reshape(n_kv, hd)
            q = np.array([rope(rms(q[j], p("attn_q_norm"), eps), pos, base) for j in range(n_head)])
            k = np.array([rope(rms(k[j], p("attn_k_norm"), eps), pos, base) for j in range(n_kv)])
            qs.append(q), ks.append(k), vs.append(v)
        out = []
        for pos, x in enumerate(xs):
            heads = []
            for j in range(n_head):
                g = j // (n_head // n_kv)
                s = np.array([qs[pos][j] @ ks[u][g] / math.sqrt(hd) for u in range(pos + 1)])
                e = np.exp(s - s.max())
                heads.append(sum(e[u] / e.sum() * vs[u][g] for u in range(pos + 1)))
            x = x + p("attn_output") @ np.concatenate(heads)
            h = rms(x, p("ffn_norm"), eps)
            gate = p("ffn_gate") @ h
            x = x + p("ffn_down") @ (gate / (1 + np.exp(-gate)) * (p("ffn_up") @ h))
            out.append(x)
        xs = out
    w_out = W.get("output.weight", W["token_embd.weight"])
    return np.array([w_out @ rms(x, W["output_norm.weight"], eps) for x in xs])


def rope(v, pos, base):
    """NeoX: element i pairs with i + d/2, angle pos * base^(-2i/d)."""
    d = len(v)
    out = v.copy()
    for i in range(d // 2):
        th = pos * base ** (-2.0 * i / d)
        out[i] = v[i] * math.cos(th) - v[i + d // 2] * math.sin(th)
        out[i + d // 2] = v[i] * math.sin(th) + v[i + d // 2] * math.cos(th)
    return out


def main():
    path = sys.argv[1]
    meta, t = gguf_file.read(path)
    tok = bpe.Tokenizer([m.split(" ") for m in meta["tokenizer.ggml.merges"]])
    ids = tok.encode(tasks.prompt_text("What is 47 + 8?"))[:12]
    ref = naive_logits(meta, t, ids)
    net, _ = export.load_gguf(path, torch.float64)
    with torch.no_grad():
        got = net(torch.tensor([ids]))[0].numpy()
    err = float(np.abs(got - ref).max())
    print(f"{len(ids)} tokens, max |model.py - naive| = {err:.3e} (logit scale {np.abs(ref).max():.2f})")
    assert err < 1e-9, "model.py disagrees with the naive reference"


if __name__ == "__main__":
    main()
