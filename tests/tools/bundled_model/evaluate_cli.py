#!/usr/bin/python3
"""Issue 7's acceptance metric through the product: each fresh tasks.py problem is asked with
`sikao-cli run` (the model's own chat template, greedy), and the reasoning (stderr, between the
[reasoning] markers) and the answer (stdout) that the user would see are judged per language.

Usage: evaluate_cli.py SIKAO_CLI MODEL.gguf [--seed 777] [--n 200] [--jobs 1] [--out runs.jsonl]
                       [--other ood_eval.json] [--chats 35]
(--n problems per language; seed 777 is used neither by training, whose batches use seeds
1_000_003 * s + k, nor by the tokenizer, which used seeds 1 and 2.)

Judging (tasks.judge_split): well-formed = exactly one non-empty reasoning block before the answer
and a one-line, non-empty answer; correct = well-formed and the answer line is the language's
answer sentence with exactly the right value; for a question outside the kinds (--other), the
answer is exactly tasks.HONEST_REPLY. --chats asks seven problems per chat through `sikao-cli chat`
and judges each with the earlier turns (the model's own answers) in its context. Needs no PyTorch.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
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


def ask_in_one_chat(cli, model, problems, max_tokens):
    """The problems asked one after the other in one `sikao-cli chat` (each answer stays in the
    context of the next, as the template renders history), read back from the history it stored:
    per problem its reasoning and answer as the user sees them."""
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "history.db")
        questions = "".join(p["question"] + "\n" for p in problems)
        r = subprocess.run([cli, "--db", db, "chat", "-m", model, "--temp", "0", "-n", str(max_tokens)],
                           input=questions, capture_output=True, text=True, timeout=600)
        if r.returncode != 0:
            raise SystemExit(f"sikao-cli chat failed ({r.returncode}):\n{r.stderr}")
        e = subprocess.run([cli, "--db", db, "history", "export", "--all", "--format", "json"],
                           capture_output=True, text=True, timeout=60, check=True)
    messages = json.loads(e.stdout)["conversations"][0]["messages"]
    answers = [m for m in messages if m["role"] == "assistant"]
    if len(answers) != len(problems):
        raise SystemExit(f"{len(answers)} answers stored for {len(problems)} questions")
    runs = []
    for i, (p, a) in enumerate(zip(problems, answers)):
        blocks = [a["reasoning"]] if a["reasoning"] else []
        well_formed, correct = tasks.judge_split(p, blocks, a["content"])
        runs.append({"problem": p, "earlier_turns": i, "reasoning": blocks, "answer": a["content"],
                     "well_formed": well_formed, "correct": correct})
    return runs


def summary(runs, key):
    """{lang: {n, well_formed, correct, by_<key>}} as fractions and 'k/n' strings."""
    res = {}
    for r in runs:
        s = res.setdefault(r["problem"]["lang"], {"n": 0, "well_formed": 0, "correct": 0, "by_" + key: {}})
        s["n"] += 1
        s["well_formed"] += r["well_formed"]
        s["correct"] += r["correct"]
        k = s["by_" + key].setdefault(str(key_of(r, key)), [0, 0])
        k[0] += r["correct"]
        k[1] += 1
    for s in res.values():
        s["well_formed"] = s["well_formed"] / s["n"]
        s["correct"] = s["correct"] / s["n"]
        s["by_" + key] = {k: f"{c}/{n}" for k, (c, n) in sorted(s["by_" + key].items())}
    return res


def key_of(run, key):
    return run["problem"]["kind"] if key == "kind" else run[key]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("model")
    ap.add_argument("--seed", type=int, default=777)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--max-tokens", type=int, default=256)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--out")
    ap.add_argument("--other", help="JSON of questions outside the kinds ({en: [...], zh: [...]}, "
                    "e.g. ood_eval.json): each must get the honest reply")
    ap.add_argument("--chats", type=int, default=0,
                    help="also this many chats per language of seven problems each, asked in one "
                    "sikao-cli chat (problems with 1-6 earlier turns in the context)")
    args = ap.parse_args()
    problems = [p for lang in ("en", "zh") for p in tasks.generate(args.seed, args.n, lang=lang)]
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        runs = list(pool.map(lambda p: ask(args.cli, args.model, p, args.max_tokens), problems))
        other = []
        if args.other:
            table = json.load(open(args.other, encoding="utf-8"))
            asked = [tasks.other_problem(f"other-{lang}-{i}", q, lang)
                     for lang in ("en", "zh") for i, q in enumerate(table[lang])]
            other = list(pool.map(lambda p: ask(args.cli, args.model, p, args.max_tokens), asked))
        chats = []
        if args.chats:
            # A seed apart from the single questions' (and, like it, from every training batch's).
            seven = [tasks.generate(args.seed * 7919 + c, 7, lang=lang)
                     for lang in ("en", "zh") for c in range(args.chats)]
            for runs_of_chat in pool.map(lambda ps: ask_in_one_chat(args.cli, args.model, ps, args.max_tokens), seven):
                chats += runs_of_chat
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            for r in runs + other + chats:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    res = {"single": summary(runs, "kind")}
    ok = all(res["single"][lang]["well_formed"] >= 0.9 and res["single"][lang]["correct"] >= 0.8
             for lang in ("en", "zh"))
    if other:
        res["other"] = summary(other, "kind")
        ok = ok and all(res["other"][lang]["correct"] >= 0.95 for lang in ("en", "zh"))
    if chats:
        later = [r for r in chats if r["earlier_turns"] > 0]
        res["in_chats"] = summary(chats, "earlier_turns")
        res["in_chats_1_to_6_earlier"] = summary(later, "kind")
        ok = ok and all(res["in_chats_1_to_6_earlier"][lang]["correct"] >= 0.95 for lang in ("en", "zh"))
    res["seconds"] = round(time.time() - t0, 1)
    print(json.dumps(res, indent=1, ensure_ascii=False))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
