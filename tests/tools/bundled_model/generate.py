"""Greedy decoding with a KV cache: step k's token is argmax of the logits before it (ties: the
lowest id, which torch.argmax returns), as in the reference fixtures' "greedy" recipe."""
import torch


@torch.no_grad()
def greedy(net, prompt_ids, n_new, stop_id=None):
    """(new ids, per-step logits rows) after prompt_ids; stops after emitting stop_id."""
    caches = [dict() for _ in net.blocks]
    logits = net(torch.tensor([prompt_ids]), 0, caches)[0, -1]
    out, rows, pos = [], [], len(prompt_ids)
    for _ in range(n_new):
        rows.append(logits)
        t = int(torch.argmax(logits))
        out.append(t)
        if t == stop_id or pos >= net.c.n_ctx:
            break
        logits = net(torch.tensor([[t]]), pos, caches)[0, -1]
        pos += 1
    return out, rows


@torch.no_grad()
def greedy_batch(net, prompts, n_new, stop_id):
    """greedy() for several prompts of the same length at once (shared positions, no padding);
    each result is cut after its first stop_id."""
    assert len({len(p) for p in prompts}) == 1, "greedy_batch needs equal-length prompts"
    caches = [dict() for _ in net.blocks]
    logits = net(torch.tensor(prompts), 0, caches)[:, -1]
    outs = [[] for _ in prompts]
    done = [False] * len(prompts)
    pos = len(prompts[0])
    for _ in range(n_new):
        t = torch.argmax(logits, dim=-1)
        for i, ti in enumerate(t.tolist()):
            if not done[i]:
                outs[i].append(ti)
                done[i] = ti == stop_id
        if all(done) or pos >= net.c.n_ctx:
            break
        logits = net(t[:, None], pos, caches)[:, -1]
        pos += 1
    return outs
