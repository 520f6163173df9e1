#!/usr/bin/python3
"""Issue 7's acceptance metric through the product: each fresh tasks.py problem is asked with
`sikao-cli run` (the model's own chat template, greedy), and the reasoning (stderr, between the
[reasoning] markers) and the answer (stdout) that the user would see are judged per language.

Usage: evaluate_cli.py SIKAO_CLI MODEL.gguf [--seed 777] [--n 200] [--jobs 1] [--out runs.jsonl]
(--n problems per language; seed 777 is used neither by training, whose batches use seeds
1_000_003 * s + k, nor by the tokenizer, which used seeds 1 and 2.)

Judging (tasks.judge_split): well-formed = exactly one non-empty reasoning block before the answer
and a one-line, non-empty answer; correct = well-formed and the answer line is the language's
answer sentence with exactly the right value. Needs no PyTorch.
"""
import argparse
import concurrent.futures
import json
import subprocess
import sys
import time

import tasks

OPEN, CLOSE = "[reasoning]\n", "\n[/reasoning]\n"


def split_streams(stdout, stderr):
    """(reasoning blocks, answer) from sikao-cli run's two streams. stderr ends with the timing
    line; the answer on stdout ends with the newline the CLI appends."""
    blocks, rest = [], stderr
    while OPEN in rest:
        head, rest = rest.split(OPEN, 1)
        body, sep, rest = rest.partition(CLOSE)
        blocks.append(body if sep else body.rsplit("\n", 2)[0])
    return blocks, stdout[:-1] if stdout.endswith("\n") else stdout


def ask(cli, model, problem, max_tokens):
    t0 = time.time()
    r = subprocess.run([cli, "run", "-m", model, "-p", problem["question"], "--temp", "0",
                        "-n", str(max_tokens)], capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise SystemExit(f"sikao-cli run failed ({r.returncode}) on {problem['question']!r}:\n{r.stderr}")
    blocks, answer = split_streams(r.stdout, r.stderr)
    well_formed, correct = tasks.judge_split(problem, blocks, answer)
    return {"problem": problem, "reasoning": blocks, "answer": answer, "well_formed": well_formed,
            "correct": correct, "seconds": round(time.time() - t0, 2)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("model")
    ap.add_argument("--seed", type=int, default=777)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--max-tokens", type=int, default=256)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--out")
    args = ap.parse_args()
    problems = [p for lang in ("en", "zh") for p in tasks.generate(args.seed, args.n, lang=lang)]
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        runs = list(pool.map(lambda p: ask(args.cli, args.model, p, args.max_tokens), problems))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            for r in runs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    res = {}
    for r in runs:
        s = res.setdefault(r["problem"]["lang"], {"n": 0, "well_formed": 0, "correct": 0, "by_kind": {}})
        s["n"] += 1
        s["well_formed"] += r["well_formed"]
        s["correct"] += r["correct"]
        k = s["by_kind"].setdefault(r["problem"]["kind"], [0, 0])
        k[0] += r["correct"]
        k[1] += 1
    for s in res.values():
        s["well_formed"] = s["well_formed"] / s["n"]
        s["correct"] = s["correct"] / s["n"]
        s["by_kind"] = {k: f"{c}/{n}" for k, (c, n) in sorted(s["by_kind"].items())}
    res["seconds"] = round(time.time() - t0, 1)
    print(json.dumps(res, indent=1, ensure_ascii=False))
    ok = all(res[lang]["well_formed"] >= 0.9 and res[lang]["correct"] >= 0.8 for lang in ("en", "zh"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
