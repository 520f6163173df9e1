#!/usr/bin/python3
"""Writes a training checkpoint as a qwen3 GGUF file (matrices F16, norm vectors F32).

Usage: export.py CHECKPOINT.pt OUT.gguf [--tokenizer tokenizer.json]
"""
import argparse
import os

import torch

import bpe
import gguf_file as g
import model as qwen3

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = "Sikao demo reasoner (tiny, arithmetic toy; not a general model)"


def metadata(cfg, tok, template):
    specials = {s: tok.id_of[s] for s, _ in bpe.SPECIALS}
    a = "qwen3"
    return [
        ("general.architecture", g.T_STR, a),
        ("general.name", g.T_STR, NAME),
        ("general.description", g.T_STR,
         "A ~1M-parameter demonstration model trained by Sikao's tests/tools/bundled_model on "
         "generated arithmetic, comparison, letter-counting, unit and weekday problems in English "
         "and Chinese. It reasons in <think> blocks but knows nothing else: asked anything else, it "
         "says that it is Sikao's tiny demo model, what it can do, and that a real model is loaded "
         "from Models."),
        ("general.license", g.T_STR, "MIT"),
        ("general.alignment", g.T_U32, g.ALIGNMENT),
        ("general.file_type", g.T_U32, 1),  # LLAMA_FTYPE_MOSTLY_F16
        (f"{a}.context_length", g.T_U32, cfg.n_ctx),
        (f"{a}.embedding_length", g.T_U32, cfg.n_embd),
        (f"{a}.block_count", g.T_U32, cfg.n_layer),
        (f"{a}.feed_forward_length", g.T_U32, cfg.n_ff),
        (f"{a}.attention.head_count", g.T_U32, cfg.n_head),
        (f"{a}.attention.head_count_kv", g.T_U32, cfg.n_head_kv),
        (f"{a}.attention.key_length", g.T_U32, cfg.head_dim),
        (f"{a}.attention.value_length", g.T_U32, cfg.head_dim),
        (f"{a}.attention.layer_norm_rms_epsilon", g.T_F32, cfg.rms_eps),
        (f"{a}.rope.freq_base", g.T_F32, cfg.rope_base),
        ("tokenizer.ggml.model", g.T_STR, "gpt2"),
        ("tokenizer.ggml.pre", g.T_STR, "qwen2"),
        ("tokenizer.ggml.tokens", g.T_ARR, (g.T_STR, tok.tokens)),
        ("tokenizer.ggml.token_type", g.T_ARR, (g.T_I32, tok.token_types)),
        ("tokenizer.ggml.merges", g.T_ARR, (g.T_STR, [f"{x} {y}" for x, y in tok.merges])),
        ("tokenizer.ggml.bos_token_id", g.T_U32, specials["<|endoftext|>"]),
        ("tokenizer.ggml.eos_token_id", g.T_U32, specials["<|im_end|>"]),
        ("tokenizer.ggml.padding_token_id", g.T_U32, specials["<|endoftext|>"]),
        ("tokenizer.ggml.add_bos_token", g.T_BOOL, False),
        ("tokenizer.chat_template", g.T_STR, template),
    ]


def export(net, tok, out_path):
    template = open(os.path.join(HERE, "chat_template.jinja"), encoding="utf-8").read()
    tensors = [(n, a, g.GGML_F16 if a.ndim == 2 else g.GGML_F32) for n, a in net.gguf_tensors()]
    g.write(out_path, metadata(net.c, tok, template), tensors)


def load_checkpoint(path):
    st = torch.load(path)
    net = qwen3.Qwen3(qwen3.Config(**st["config"]))
    net.load_state_dict(st["model"])
    return net.eval(), st


def load_gguf(path, dtype=torch.float64):
    """The model exactly as stored in the GGUF (F16 weights widened), for fixtures and evaluation."""
    meta, tensors = g.read(path)
    a = meta["general.architecture"]
    cfg = qwen3.Config(n_vocab=len(meta["tokenizer.ggml.tokens"]), n_embd=meta[f"{a}.embedding_length"],
                       n_layer=meta[f"{a}.block_count"], n_head=meta[f"{a}.attention.head_count"],
                       n_head_kv=meta[f"{a}.attention.head_count_kv"],
                       head_dim=meta[f"{a}.attention.key_length"], n_ff=meta[f"{a}.feed_forward_length"],
                       n_ctx=meta[f"{a}.context_length"],
                       rms_eps=meta[f"{a}.attention.layer_norm_rms_epsilon"],
                       rope_base=meta[f"{a}.rope.freq_base"], tied="output.weight" not in tensors)
    net = qwen3.Qwen3(cfg).to(dtype)
    net.load_gguf_tensors(tensors)
    return net.eval(), meta


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoint")
    ap.add_argument("out")
    ap.add_argument("--tokenizer", default=os.path.join(HERE, "tokenizer.json"))
    args = ap.parse_args()
    net, st = load_checkpoint(args.checkpoint)
    export(net, bpe.Tokenizer.load(args.tokenizer), args.out)
    back, _ = load_gguf(args.out, torch.float32)
    for (n, a), (_, b) in zip(net.gguf_tensors(), back.gguf_tensors()):
        err = abs(a - b).max() / max(1e-12, abs(a).max())
        assert err < 1e-3, f"{n}: F16 round trip relative error {err}"
    print(f"step {st['step']}: {net.n_params()} parameters -> {args.out} ({os.path.getsize(args.out)} bytes)")


if __name__ == "__main__":
    main()
