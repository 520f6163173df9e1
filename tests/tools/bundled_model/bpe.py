#!/usr/bin/python3
"""Byte-level BPE vocabulary for the bundled model, in the GPT-2 / Qwen2 scheme that llama.cpp
calls tokenizer.ggml.model = "gpt2", tokenizer.ggml.pre = "qwen2".

- Text is first split at special tokens (matched literally, longest first), then every other span
  is pre-tokenised by the Qwen2 regex (QWEN2_PATTERN below, the one in Qwen2's tokenizer.json and
  llama.cpp's LLAMA_VOCAB_PRE_TYPE_QWEN2): digits are always single pieces.
- Each piece's UTF-8 bytes are mapped to printable characters by GPT-2's bytes_to_unicode(), and
  BPE merges are applied: repeatedly merge the adjacent pair with the lowest merge rank.
- Ids: 0..255 are the single bytes in byte order, then one token per merge in merge order, then
  the special tokens.

Usage:
  bpe.py train --seed 1 --n 20000 --vocab-size 1024 --out tokenizer.json
  bpe.py verify tokenizer.json --seed 1 --n 3000
"""
import argparse
import collections
import json
import sys

import regex  # Debian python3-regex; \p{L} / \p{N} classes that the re module lacks

import tasks

QWEN2_PATTERN = (r"""(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}"""
                 r"""| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+""")
_PRE = regex.compile(QWEN2_PATTERN)

# (text, llama.cpp token type): 3 = CONTROL, 4 = USER_DEFINED. <think>/</think> are USER_DEFINED as
# in Qwen3's own GGUF files: they are ordinary text the model writes and the reasoning splitter must
# see, so detokenisation renders them; the ChatML markers and end-of-text are control tokens.
SPECIALS = [("<|endoftext|>", 3), ("<|im_start|>", 3), ("<|im_end|>", 3),
            ("<think>", 4), ("</think>", 4)]


def bytes_to_unicode():
    """GPT-2's reversible map from the 256 byte values to printable unicode characters."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + \
        list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


BYTE_TO_CHAR = bytes_to_unicode()
CHAR_TO_BYTE = {c: b for b, c in BYTE_TO_CHAR.items()}


def split_specials(text, specials):
    """[(is_special, span)] with special tokens matched literally, longest first at each point."""
    ordered = sorted(specials, key=len, reverse=True)
    out, start, i = [], 0, 0
    while i < len(text):
        hit = next((s for s in ordered if text.startswith(s, i)), None)
        if hit:
            if start < i:
                out.append((False, text[start:i]))
            out.append((True, hit))
            i += len(hit)
            start = i
        else:
            i += 1
    if start < len(text):
        out.append((False, text[start:]))
    return out


def pretokenize(text):
    return _PRE.findall(text)


def to_symbols(piece):
    return [BYTE_TO_CHAR[b] for b in piece.encode("utf-8")]


def train(texts, vocab_size):
    """Merges [(a, b)] learnt from texts (special tokens excluded) until vocab_size is reached.
    Ties between equally frequent pairs go to the lexicographically smallest pair (deterministic)."""
    n_merges = vocab_size - 256 - len(SPECIALS)
    words = collections.Counter()
    specials = [s for s, _ in SPECIALS]
    for t in texts:
        for is_special, span in split_specials(t, specials):
            if not is_special:
                words.update(pretokenize(span))
    seqs = {w: to_symbols(w) for w in words}
    merges = []
    while len(merges) < n_merges:
        pairs = collections.Counter()
        for w, syms in seqs.items():
            for a, b in zip(syms, syms[1:]):
                pairs[(a, b)] += words[w]
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        for w, syms in seqs.items():
            seqs[w] = _apply_merge(syms, best)
    return merges


def _apply_merge(syms, pair):
    out, i = [], 0
    while i < len(syms):
        if i + 1 < len(syms) and (syms[i], syms[i + 1]) == pair:
            out.append(syms[i] + syms[i + 1])
            i += 2
        else:
            out.append(syms[i])
            i += 1
    return out


class Tokenizer:
    def __init__(self, merges):
        self.merges = [tuple(m) for m in merges]
        self.ranks = {m: r for r, m in enumerate(self.merges)}
        self.tokens = [BYTE_TO_CHAR[b] for b in range(256)] + [a + b for a, b in self.merges] + \
            [s for s, _ in SPECIALS]
        self.token_types = [1] * (len(self.tokens) - len(SPECIALS)) + [t for _, t in SPECIALS]
        self.id_of = {t: i for i, t in enumerate(self.tokens)}
        assert len(self.id_of) == len(self.tokens), "duplicate token strings"
        self.specials = [s for s, _ in SPECIALS]
        self._cache = {}

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as f:
            return cls([m.split(" ") for m in json.load(f)["merges"]])

    def save(self, path):
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"model": "gpt2", "pre": "qwen2", "tokens": self.tokens,
                       "token_types": self.token_types,
                       "merges": [f"{a} {b}" for a, b in self.merges]}, f, ensure_ascii=False, indent=0)

    def _bpe(self, piece):
        """Lowest-rank-pair-first merging (the GPT-2 algorithm)."""
        if piece in self._cache:
            return self._cache[piece]
        syms = to_symbols(piece)
        while len(syms) > 1:
            ranked = [(self.ranks.get((a, b), 1 << 60), i) for i, (a, b) in enumerate(zip(syms, syms[1:]))]
            r, i = min(ranked)
            if r == 1 << 60:
                break
            syms = syms[:i] + [syms[i] + syms[i + 1]] + syms[i + 2:]
        ids = [self.id_of[s] for s in syms]
        self._cache[piece] = ids
        return ids

    def encode(self, text):
        ids = []
        for is_special, span in split_specials(text, self.specials):
            if is_special:
                ids.append(self.id_of[span])
            else:
                for piece in pretokenize(span):
                    ids.extend(self._bpe(piece))
        return ids

    def decode(self, ids):
        out = bytearray()
        for i in ids:
            t = self.tokens[i]
            if i >= len(self.tokens) - len(SPECIALS):
                out += t.encode("utf-8")
            else:
                out += bytes(CHAR_TO_BYTE[c] for c in t)
        return out.decode("utf-8", errors="replace")


def reference_encode(tok, text):
    """Straightforward BPE: apply every merge, in training order, to each whole piece. Equivalent
    to rank-first merging because a merge that uses token AB always ranks after the merge making AB."""
    ids = []
    for is_special, span in split_specials(text, tok.specials):
        if is_special:
            ids.append(tok.id_of[span])
            continue
        for piece in pretokenize(span):
            syms = to_symbols(piece)
            for m in tok.merges:
                if len(syms) < 2:
                    break
                syms = _apply_merge(syms, m)
            ids.extend(tok.id_of[s] for s in syms)
    return ids


def corpus(seed, n):
    return [tasks.conversation_text(p) for p in tasks.generate(seed, n)]


def verify(tok, texts):
    """encode == reference_encode and decode(encode(x)) == x on every text; returns token count."""
    n_tokens = 0
    for t in texts:
        ids = tok.encode(t)
        assert ids == reference_encode(tok, t), f"encode differs from reference on {t!r}"
        assert tok.decode(ids) == t, f"round trip failed on {t!r}"
        n_tokens += len(ids)
    return n_tokens


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--seed", type=int, default=1)
    t.add_argument("--n", type=int, default=20000)
    t.add_argument("--vocab-size", type=int, default=1024)
    t.add_argument("--out", required=True)
    v = sub.add_parser("verify")
    v.add_argument("file")
    v.add_argument("--seed", type=int, default=1)
    v.add_argument("--n", type=int, default=3000)
    args = ap.parse_args()
    if args.cmd == "train":
        tok = Tokenizer(train(corpus(args.seed, args.n), args.vocab_size))
        tok.save(args.out)
        print(f"{len(tok.tokens)} tokens, {len(tok.merges)} merges -> {args.out}")
    else:
        tok = Tokenizer.load(args.file)
        texts = corpus(args.seed, args.n)
        texts.append("Mixed 中文 and English, ünïcödé, emoji 🙂, tabs\t and\r\n newlines 12345!")
        n = verify(tok, texts)
        print(f"ok: {len(texts)} texts, {n} tokens, encode matches reference, round trip exact")


if __name__ == "__main__":
    sys.exit(main())
