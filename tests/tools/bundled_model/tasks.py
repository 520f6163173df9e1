#!/usr/bin/python3
"""Task generator and evaluator for Sikao's bundled demonstration reasoning model.

Every problem is a single-turn conversation, in English or Chinese, in which the assistant reasons
step by step inside <think>...</think> and then answers on one line:
    English: "The answer is X."      Chinese: "答案是X。"
The correct answer X is computed by this program. A Chinese question gets Chinese reasoning.

Task kinds: multi-digit addition and subtraction (digit by digit from the right, with carries and
borrows), comparing two numbers, counting a letter in a word, unit conversions, day-of-week
arithmetic. Questions of any other kind (other_prompts.py) get reasoning that says so and an
honest reply naming what the model is and can do (OTHER, HONEST_REPLY).

Deterministic: generate(seed, n) returns the same problems for the same seed (random.Random(seed)).

Usage:
  tasks.py sample --seed 1 --n 5                 print conversations
  tasks.py eval COMPLETIONS.jsonl                score {"problem": {...}, "completion": "..."} lines
"""
import argparse
import json
import random
import re
import sys

ADD, SUB, CMP, COUNT, UNIT, DAY = "add", "sub", "compare", "count", "unit", "day"
KINDS = (ADD, SUB, CMP, COUNT, UNIT, DAY)

WORDS = """apple banana cherry strawberry letter coffee balloon mississippi bookkeeper committee
success address pepper giraffe hello butterfly banana kitten summer winter rabbit carrot tomato
potato engineer computer keyboard terminal network history mountain river ocean forest garden
teacher student library notebook pencil orange purple yellow element parallel assessment
occurrence accommodate necessary embarrass beginning different tomorrow yesterday possible
question reasoning language chinese english number answer thinking elephant penguin dolphin
squirrel tiger zebra monkey kangaroo cinnamon pineapple avocado broccoli spaghetti umbrella
window kitchen bedroom mirror blanket pillow bottle cookie muffin waffle puzzle jazz pizza
coconut lemonade marshmallow sunflower rainbow thunder lightning blizzard hurricane volcano
""".split()

WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS_ZH = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]

# (from unit, to unit, factor, English names (singular-free symbols), Chinese names)
UNITS = [
    ("km", "m", 1000, "kilometers", "meters", "千米", "米"),
    ("m", "cm", 100, "meters", "centimeters", "米", "厘米"),
    ("cm", "mm", 10, "centimeters", "millimeters", "厘米", "毫米"),
    ("kg", "g", 1000, "kilograms", "grams", "千克", "克"),
    ("L", "mL", 1000, "liters", "milliliters", "升", "毫升"),
    ("h", "min", 60, "hours", "minutes", "小时", "分钟"),
    ("min", "s", 60, "minutes", "seconds", "分钟", "秒"),
]


def _digits_rev(n):
    return [int(c) for c in reversed(str(n))]


def _add_steps(a, b, zh):
    da, db = _digits_rev(a), _digits_rev(b)
    lines = ["从个位开始逐位相加。" if zh else "Add digit by digit from the right."]
    carry = 0
    for i in range(max(len(da), len(db))):
        x = da[i] if i < len(da) else 0
        y = db[i] if i < len(db) else 0
        s = x + y + carry
        if zh:
            lines.append(f"{x} + {y} + {carry} = {s}，写 {s % 10}，进 {s // 10}")
        else:
            lines.append(f"{x} + {y} + {carry} = {s}, write {s % 10}, carry {s // 10}")
        carry = s // 10
    if carry:
        lines.append(f"最高位写 {carry}" if zh else f"write the last carry {carry}")
    return lines


def _sub_steps(a, b, zh):
    """Steps for a - b with a >= b."""
    da, db = _digits_rev(a), _digits_rev(b)
    lines = ["从个位开始逐位相减。" if zh else "Subtract digit by digit from the right."]
    borrow = 0
    for i in range(len(da)):
        x = da[i]
        y = db[i] if i < len(db) else 0
        d = x - y - borrow
        nb = 1 if d < 0 else 0
        if nb:
            d += 10
        if zh:
            lines.append(f"{x} - {y} - {borrow}，{'借 1，' if nb else ''}写 {d}")
        else:
            lines.append(f"{x} - {y} - {borrow}, {'borrow 1, ' if nb else ''}write {d}")
        borrow = nb
    return lines


def _number(rng, lo_digits, hi_digits):
    n = rng.randint(lo_digits, hi_digits)
    return rng.randint(10 ** (n - 1), 10 ** n - 1)


def make_add(rng, zh):
    a, b = _number(rng, 1, 4), _number(rng, 1, 4)
    q = f"{a} + {b} 等于多少？" if zh else f"What is {a} + {b}?"
    steps = _add_steps(a, b, zh)
    ans = str(a + b)
    steps.append(f"所以 {a} + {b} = {ans}。" if zh else f"So {a} + {b} = {ans}.")
    return q, steps, ans


def make_sub(rng, zh):
    a, b = _number(rng, 1, 4), _number(rng, 1, 4)
    q = f"{a} - {b} 等于多少？" if zh else f"What is {a} - {b}?"
    if a >= b:
        steps = _sub_steps(a, b, zh)
        ans = str(a - b)
    else:
        steps = [f"{a} 比 {b} 小，先算 {b} - {a}，结果取负。" if zh
                 else f"{a} is smaller than {b}, so compute {b} - {a} and negate."]
        steps += _sub_steps(b, a, zh)
        steps.append(f"{b} - {a} = {b - a}" )
        ans = str(a - b)
    steps.append(f"所以 {a} - {b} = {ans}。" if zh else f"So {a} - {b} = {ans}.")
    return q, steps, ans


def make_compare(rng, zh):
    a = _number(rng, 1, 5)
    if rng.random() < 0.5:
        # Same length, sharing a prefix, so that the digit-by-digit comparison matters.
        s = list(str(a))
        i = rng.randrange(len(s))
        choices = [c for c in "0123456789" if c != s[i] and not (i == 0 and c == "0")]
        s[i] = rng.choice(choices) if choices else s[i]
        b = int("".join(s))
    else:
        b = _number(rng, 1, 5)
    if a == b:
        b = a + 1
    q = (f"{a} 和 {b} 哪个更大？" if zh else f"Which is larger, {a} or {b}?")
    sa, sb = str(a), str(b)
    steps = []
    if len(sa) != len(sb):
        if zh:
            steps.append(f"{a} 有 {len(sa)} 位，{b} 有 {len(sb)} 位。")
            steps.append("位数多的更大。")
        else:
            steps.append(f"{a} has {len(sa)} digits, {b} has {len(sb)} digits.")
            steps.append("The number with more digits is larger.")
    else:
        steps.append(f"两个数都是 {len(sa)} 位，从最高位开始比较。" if zh
                     else f"Both have {len(sa)} digits, compare from the left.")
        for x, y in zip(sa, sb):
            if x == y:
                steps.append(f"{x} = {y}")
            else:
                steps.append(f"{x} {'>' if x > y else '<'} {y}")
                break
    ans = str(max(a, b))
    steps.append(f"所以 {ans} 更大。" if zh else f"So {ans} is larger.")
    return q, steps, ans


def make_count(rng, zh):
    word = rng.choice(WORDS)
    letter = rng.choice(word) if rng.random() < 0.85 else rng.choice("abcdefghijklmnopqrstuvwxyz")
    q = (f"单词 {word} 里有几个字母 {letter}？" if zh
         else f"How many times does the letter {letter} appear in {word}?")
    steps = ["逐个字母检查：" if zh else "Check each letter:"]
    count = 0
    for c in word:
        if c == letter:
            count += 1
        steps.append(f"{c} {count}")
    ans = str(count)
    steps.append(f"所以有 {ans} 个 {letter}。" if zh else f"So there are {ans} of {letter}.")
    return q, steps, ans


def make_unit(rng, zh):
    src, dst, factor, en_src, en_dst, zh_src, zh_dst = rng.choice(UNITS)
    x = rng.randint(1, 12 if factor == 60 else 20)
    if rng.random() < 0.5:
        q = (f"{x} {zh_src}等于多少{zh_dst}？" if zh else f"How many {en_dst} are in {x} {en_src}?")
        steps = [f"1 {zh_src} = {factor} {zh_dst}。" if zh else f"1 {src} = {factor} {dst}.",
                 f"{x} × {factor} = {x * factor}"]
        ans = str(x * factor)
    else:
        y = x * factor
        q = (f"{y} {zh_dst}等于多少{zh_src}？" if zh else f"How many {en_src} are in {y} {en_dst}?")
        steps = [f"1 {zh_src} = {factor} {zh_dst}。" if zh else f"1 {src} = {factor} {dst}.",
                 f"{y} ÷ {factor} = {x}"]
        ans = str(x)
    return q, steps, ans


def make_day(rng, zh):
    start = rng.randrange(7)
    n = rng.randint(1, 30)
    names = WEEKDAYS_ZH if zh else WEEKDAYS_EN
    q = (f"今天是{names[start]}，{n} 天后是星期几？" if zh
         else f"Today is {names[start]}. What day is it in {n} days?")
    r = n % 7
    steps = [f"{n} = 7 × {n // 7} + {r}"]
    if r == 0:
        steps.append("正好是整周，星期不变。" if zh else "Whole weeks, so the day is the same.")
    else:
        walk = [names[(start + i) % 7] for i in range(1, r + 1)]
        steps.append((f"从{names[start]}往后数 {r} 天：" + "、".join(walk) + "。") if zh
                     else (f"Count {r} days from {names[start]}: " + ", ".join(walk) + "."))
    ans = names[(start + n) % 7]
    return q, steps, ans


MAKERS = {ADD: make_add, SUB: make_sub, CMP: make_compare, COUNT: make_count, UNIT: make_unit,
          DAY: make_day}

# Anything else (other_prompts.py): greetings, general questions, requests. The model says what
# it is instead of inventing an answer; the app's first-run page and empty chat say the same.
OTHER = "other"
OTHER_REASONING = {
    "en": "This is not a sum, a difference, a comparison, a letter count, a unit or a weekday.\n"
          "I cannot answer it. So I say what I am.",
    "zh": "这不是加减法、比较、数字母、换算单位或推算星期的问题。\n我答不了。所以我说明我是谁。",
}
HONEST_REPLY = {
    "en": "I am Sikao's tiny demo model: I can only add, subtract, compare numbers, count letters, "
          "convert units and work out weekdays. For a real assistant, load a model from Models.",
    "zh": "我是 Sikao 的小型演示模型，只会加减法、比较数字、数字母、换算单位和推算星期。"
          "要使用真正的助手，请在“模型”中加载一个模型。",
}


def other_problem(pid, question, lang):
    reasoning = OTHER_REASONING[lang]
    reply = HONEST_REPLY[lang]
    return {"id": pid, "lang": lang, "kind": OTHER, "question": question, "reasoning": reasoning,
            "answer": reply, "response": f"<think>\n{reasoning}\n</think>\n\n{reply}"}


def generate_other(seed, n, lang=None):
    """n questions outside the model's kinds (other_prompts.py), with the honest reply."""
    import other_prompts
    rng = random.Random(seed)
    out = []
    for i in range(n):
        zh = (rng.random() < 0.5) if lang is None else (lang == "zh")
        out.append(other_problem(f"{seed}-o{i}", other_prompts.question(rng, zh), "zh" if zh else "en"))
    return out


def final_line(ans, zh):
    return f"答案是{ans}。" if zh else f"The answer is {ans}."


def generate(seed, n, lang=None):
    """n problems as dicts {id, lang, kind, question, reasoning, answer, response}."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        zh = (rng.random() < 0.5) if lang is None else (lang == "zh")
        kind = rng.choice(KINDS)
        q, steps, ans = MAKERS[kind](rng, zh)
        reasoning = "\n".join(steps)
        response = f"<think>\n{reasoning}\n</think>\n\n{final_line(ans, zh)}"
        out.append({"id": f"{seed}-{i}", "lang": "zh" if zh else "en", "kind": kind,
                    "question": q, "reasoning": reasoning, "answer": ans, "response": response})
    return out


# ChatML as rendered by the chat template in the GGUF (see chat_template.jinja), with no system
# message and add_generation_prompt=true, enable_thinking left undefined (thinking on).
def prompt_text(question):
    return f"<|im_start|>user\n{question}<|im_end|>\n<|im_start|>assistant\n"


def conversation_text(problem):
    return prompt_text(problem["question"]) + problem["response"] + "<|im_end|>\n"


_WELL_FORMED = re.compile(r"\A\s*<think>\n(?P<reasoning>.+?)\n</think>\n\n(?P<answer>[^\n]+?)\s*\Z",
                          re.S)
_ANSWER = {"en": re.compile(r"\AThe answer is (?P<x>.+)\.\Z"),
           "zh": re.compile(r"\A答案是(?P<x>.+)。\Z")}


def judge(problem, completion):
    """(well_formed, correct) for the model's raw completion after the generation prompt.

    well_formed: a non-empty <think> block, then a blank line, then one non-empty answer line.
    correct: the answer line is the language's answer sentence with exactly the right value.
    A trailing <|im_end|> (and anything after it) is ignored."""
    text = completion.split("<|im_end|>")[0]
    m = _WELL_FORMED.match(text)
    if not m or "<think>" in m.group("reasoning") or "</think>" in m.group("answer"):
        return False, False
    return True, _answer_is_right(problem, m.group("answer").strip())


def _answer_is_right(problem, answer):
    if problem["kind"] == OTHER:
        return answer == problem["answer"]
    a = _ANSWER[problem["lang"]].match(answer)
    return bool(a) and a.group("x").strip() == problem["answer"]


def judge_split(problem, reasoning_blocks, answer):
    """(well_formed, correct) for what a chat front end shows after splitting the reasoning off
    (sikao-cli run: the reasoning blocks and the answer text).

    well_formed: exactly one reasoning block, non-empty, and a non-empty one-line answer.
    correct: the answer line is the language's answer sentence with exactly the right value."""
    answer = answer.strip()
    if len(reasoning_blocks) != 1 or not reasoning_blocks[0].strip() or not answer or "\n" in answer:
        return False, False
    return True, _answer_is_right(problem, answer)


def score(pairs):
    """pairs of (problem, completion) -> {lang: {n, well_formed, correct}} as fractions."""
    stats = {}
    for p, c in pairs:
        s = stats.setdefault(p["lang"], {"n": 0, "well_formed": 0, "correct": 0})
        wf, ok = judge(p, c)
        s["n"] += 1
        s["well_formed"] += wf
        s["correct"] += ok
    return {lang: {"n": s["n"], "well_formed": s["well_formed"] / s["n"],
                   "correct": s["correct"] / s["n"]} for lang, s in sorted(stats.items())}


def _self_check():
    """The generator's own responses must all be judged well-formed and correct."""
    probs = generate(12345, 2000)
    assert all(judge(p, p["response"]) == (True, True) for p in probs)
    assert all(judge(p, p["response"] + "<|im_end|>\n") == (True, True) for p in probs)
    p = probs[0]
    assert judge(p, p["response"].replace("</think>", "")) == (False, False)
    wrong = p["response"].rsplit(p["answer"], 1)[0] + p["answer"] + "0" + ("。" if p["lang"] == "zh" else ".")
    assert judge(p, wrong) == (True, False)
    assert generate(7, 50) == generate(7, 50)
    for q in probs[:200]:
        reasoning, answer = q["response"].split("</think>")
        assert judge_split(q, [reasoning.replace("<think>", "")], answer) == (True, True)
    assert judge_split(p, [], p["response"]) == (False, False)
    assert judge_split(p, ["a", "b"], final_line(p["answer"], p["lang"] == "zh")) == (False, False)
    for o in generate_other(4321, 200):
        assert judge(o, o["response"]) == (True, True)
        assert judge_split(o, [o["reasoning"]], o["answer"]) == (True, True)
        assert judge_split(o, [o["reasoning"]], "The answer is 3.") == (True, False)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--n", type=int, default=5)
    e = sub.add_parser("eval")
    e.add_argument("file")
    sub.add_parser("selfcheck")
    args = ap.parse_args()
    if args.cmd == "sample":
        for p in generate(args.seed, args.n):
            print(conversation_text(p))
    elif args.cmd == "eval":
        pairs = [(r["problem"], r["completion"]) for r in map(json.loads, open(args.file, encoding="utf-8"))]
        print(json.dumps(score(pairs), indent=1))
    else:
        _self_check()
        print("ok")


if __name__ == "__main__":
    sys.exit(main())
