"""The qwen3 architecture, computed the way llama.cpp computes it (src/models/qwen3 in llama.cpp):

  x = token_embd[tokens]
  per block:  h = rmsnorm(x) * attn_norm
              q = attn_q h, k = attn_k h, v = attn_v h            (no biases)
              q = rmsnorm_per_head(q) * attn_q_norm              (over head_dim, BEFORE RoPE)
              k = rmsnorm_per_head(k) * attn_k_norm
              q, k = rope_neox(q), rope_neox(k)                  (pairs (i, i + head_dim/2))
              a = softmax(q k^T / sqrt(head_dim) + causal mask) v (GQA: kv head = q head // group)
              x = x + attn_output a
              h = rmsnorm(x) * ffn_norm
              x = x + ffn_down(silu(ffn_gate h) * ffn_up h)
  logits = output(rmsnorm(x) * output_norm)

rmsnorm(v) = v / sqrt(mean(v^2) + eps). RoPE angle for pair i at position p: p * base^(-2i/head_dim).
Linear weights have the torch shape (n_out, n_in), i.e. GGUF ne = [n_in, n_out].
"""
import dataclasses
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclasses.dataclass
class Config:
    n_vocab: int = 1024
    n_embd: int = 128
    n_layer: int = 4
    n_head: int = 4
    n_head_kv: int = 2
    head_dim: int = 32
    n_ff: int = 384
    n_ctx: int = 512
    rms_eps: float = 1e-6
    rope_base: float = 10000.0
    tied: bool = False


def rmsnorm(x, w, eps):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * w


def rope_neox(x, pos, base):
    """x: (..., T, head_dim); pos: (T,). Rotates (x[i], x[i + d/2]) by pos * base^(-2i/d)."""
    d = x.shape[-1]
    inv = base ** (-torch.arange(0, d // 2, dtype=torch.float64) * 2.0 / d)
    ang = (pos.to(torch.float64)[:, None] * inv[None, :]).to(x.dtype)
    cos, sin = ang.cos(), ang.sin()
    x0, x1 = x[..., : d // 2], x[..., d // 2:]
    return torch.cat([x0 * cos - x1 * sin, x0 * sin + x1 * cos], dim=-1)


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.attn_norm = nn.Parameter(torch.ones(c.n_embd))
        self.attn_q = nn.Linear(c.n_embd, c.n_head * c.head_dim, bias=False)
        self.attn_k = nn.Linear(c.n_embd, c.n_head_kv * c.head_dim, bias=False)
        self.attn_v = nn.Linear(c.n_embd, c.n_head_kv * c.head_dim, bias=False)
        self.attn_q_norm = nn.Parameter(torch.ones(c.head_dim))
        self.attn_k_norm = nn.Parameter(torch.ones(c.head_dim))
        self.attn_output = nn.Linear(c.n_head * c.head_dim, c.n_embd, bias=False)
        self.ffn_norm = nn.Parameter(torch.ones(c.n_embd))
        self.ffn_gate = nn.Linear(c.n_embd, c.n_ff, bias=False)
        self.ffn_up = nn.Linear(c.n_embd, c.n_ff, bias=False)
        self.ffn_down = nn.Linear(c.n_ff, c.n_embd, bias=False)

    def forward(self, x, pos, cache=None):
        """x: (B, T, n_embd); pos: (T,) absolute positions; cache: dict with 'k','v' to extend."""
        c = self.c
        B, T, _ = x.shape
        h = rmsnorm(x, self.attn_norm, c.rms_eps)
        q = self.attn_q(h).view(B, T, c.n_head, c.head_dim).transpose(1, 2)
        k = self.attn_k(h).view(B, T, c.n_head_kv, c.head_dim).transpose(1, 2)
        v = self.attn_v(h).view(B, T, c.n_head_kv, c.head_dim).transpose(1, 2)
        q = rope_neox(rmsnorm(q, self.attn_q_norm, c.rms_eps), pos, c.rope_base)
        k = rope_neox(rmsnorm(k, self.attn_k_norm, c.rms_eps), pos, c.rope_base)
        if cache is not None:
            if "k" in cache:
                k = torch.cat([cache["k"], k], dim=2)
                v = torch.cat([cache["v"], v], dim=2)
            cache["k"], cache["v"] = k, v
        group = c.n_head // c.n_head_kv
        k = k.repeat_interleave(group, dim=1)
        v = v.repeat_interleave(group, dim=1)
        S = k.shape[2]
        att = (q @ k.transpose(-1, -2)) / math.sqrt(c.head_dim)
        # Query at absolute position pos[t] sees keys 0..pos[t] (keys are positions 0..S-1).
        mask = torch.arange(S)[None, :] > pos[:, None]
        att = att.masked_fill(mask, float("-inf")).softmax(-1)
        a = (att @ v).transpose(1, 2).reshape(B, T, c.n_head * c.head_dim)
        x = x + self.attn_output(a)
        h = rmsnorm(x, self.ffn_norm, c.rms_eps)
        return x + self.ffn_down(F.silu(self.ffn_gate(h)) * self.ffn_up(h))


class Qwen3(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.token_embd = nn.Embedding(c.n_vocab, c.n_embd)
        self.blocks = nn.ModuleList(Block(c) for _ in range(c.n_layer))
        self.output_norm = nn.Parameter(torch.ones(c.n_embd))
        self.output = None if c.tied else nn.Linear(c.n_embd, c.n_vocab, bias=False)
        nn.init.normal_(self.token_embd.weight, std=0.02)
        for n, p in self.named_parameters():
            if p.dim() == 2 and n != "token_embd.weight":
                nn.init.normal_(p, std=0.02 if not n.endswith(("attn_output.weight", "ffn_down.weight"))
                                else 0.02 / math.sqrt(2 * c.n_layer))

    def forward(self, tokens, start=0, caches=None):
        """tokens: (B, T) -> logits (B, T, n_vocab); positions start..start+T-1."""
        x = self.token_embd(tokens)
        pos = torch.arange(start, start + tokens.shape[1])
        for i, b in enumerate(self.blocks):
            x = b(x, pos, None if caches is None else caches[i])
        x = rmsnorm(x, self.output_norm, self.c.rms_eps)
        w = self.token_embd.weight if self.output is None else self.output.weight
        return x @ w.t()

    def n_params(self):
        return sum(p.numel() for p in self.parameters())

    def gguf_tensors(self):
        """[(gguf name, float32 numpy array in torch layout)] in llama.cpp's qwen3 naming."""
        return [(n, p.detach().to(torch.float32).numpy().copy()) for n, p in self.gguf_tensor_params()]

    def load_gguf_tensors(self, tensors):
        """Inverse of gguf_tensors: tensors maps gguf name -> numpy array (torch layout)."""
        params = dict(self.gguf_tensor_params())
        assert set(params) == set(tensors), set(params) ^ set(tensors)
        with torch.no_grad():
            for n, p in params.items():
                p.copy_(torch.from_numpy(tensors[n]).to(p.dtype).view_as(p))

    def gguf_tensor_params(self):
        yield "token_embd.weight", self.token_embd.weight
        for i, b in enumerate(self.blocks):
            for name in ("attn_norm", "attn_q", "attn_k", "attn_v", "attn_q_norm", "attn_k_norm",
                         "attn_output", "ffn_norm", "ffn_gate", "ffn_up", "ffn_down"):
                m = getattr(b, name)
                yield f"blk.{i}.{name}.weight", (m.weight if isinstance(m, nn.Linear) else m)
        yield "output_norm.weight", self.output_norm
        if self.output is not None:
            yield "output.weight", self.output.weight
