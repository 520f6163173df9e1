#!/usr/bin/python3
"""Reference renderer for the chat-template conformance test: Python's jinja2 with the environment
Hugging Face transformers renders chat templates in (apply_chat_template):
ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols]),
a tojson filter that does not escape non-ASCII, raise_exception(), strftime_now() (here on a fixed
date so the output is reproducible), and the variables messages, add_generation_prompt,
bos_token, eos_token, tools=None plus each conversation's extra variables.

usage: render_reference.py CONVERSATIONS.json OUT.json TEMPLATE_OR_GGUF...
Writes {template_path: {conversation_name: {"ok": text} | {"error": message}}}.
A .gguf argument contributes its tokenizer.chat_template (and bos/eos token texts), read by the
small independent GGUF metadata reader below.
"""
import datetime
import json
import struct
import sys

import jinja2
from jinja2.ext import loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

FIXED_NOW = datetime.datetime(2025, 3, 14, 15, 9, 26)


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(fmt):
    return FIXED_NOW.strftime(fmt)


def make_env():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


def read_gguf_chat_info(path):
    """tokenizer.chat_template and the bos/eos token texts from a GGUF v2/v3 file."""
    scalar = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
    with open(path, "rb") as f:
        def rd(fmt):
            return struct.unpack("<" + fmt, f.read(struct.calcsize("<" + fmt)))

        def rstr():
            (n,) = rd("Q")
            return f.read(n).decode("utf-8")

        def rval(t):
            if t == 8:
                return rstr()
            if t == 9:
                (et,) = rd("I")
                (n,) = rd("Q")
                return [rval(et) for _ in range(n)]
            return rd(scalar[t])[0]

        if f.read(4) != b"GGUF":
            raise ValueError(path + ": not a GGUF file")
        rd("I")
        _, n_kv = rd("QQ")
        kv = {}
        for _ in range(n_kv):
            key = rstr()
            (t,) = rd("I")
            kv[key] = rval(t)
    tokens = kv.get("tokenizer.ggml.tokens", [])

    def text(key):
        i = kv.get(key)
        return tokens[i] if i is not None and i < len(tokens) else ""

    return kv.get("tokenizer.chat_template"), text("tokenizer.ggml.bos_token_id"), text("tokenizer.ggml.eos_token_id")


def main():
    conversations = json.load(open(sys.argv[1], encoding="utf-8"))
    out_path = sys.argv[2]
    env = make_env()
    results = {}
    for path in sys.argv[3:]:
        if path.endswith(".gguf"):
            source, bos, eos = read_gguf_chat_info(path)
            if source is None:
                continue
        else:
            # newline="" keeps the file's bytes; jinja2 normalises line endings itself.
            source = open(path, encoding="utf-8", newline="").read()
            bos, eos = conversations["bos_token"], conversations["eos_token"]
        per_template = {}
        try:
            template = env.from_string(source)
        except jinja2.exceptions.TemplateError as e:
            for conv in conversations["conversations"]:
                per_template[conv["name"]] = {"error": "parse: " + str(e)}
            results[path] = per_template
            continue
        for conv in conversations["conversations"]:
            variables = {
                "messages": conv["messages"],
                "add_generation_prompt": conv.get("add_generation_prompt", False),
                "bos_token": bos,
                "eos_token": eos,
                "tools": None,
            }
            variables.update(conv.get("variables", {}))
            try:
                per_template[conv["name"]] = {"ok": template.render(**variables)}
            except Exception as e:  # jinja2 and Python errors alike: the template rejects the input
                per_template[conv["name"]] = {"error": type(e).__name__ + ": " + str(e)}
        results[path] = per_template
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
