#!/usr/bin/env python3
"""Deterministic scale corpus: bulletins made of real People's Daily DEV articles
(../shared/eval/pfr199801-dev.jsonl) or, without it, of the project's sample, shuffled and varied
(each file gets its own selection, order and a numbered note) so no two files are identical.
Usage: gen_corpus.py OUTDIR MEGABYTES [--seed N]
       gen_corpus.py OUTDIR --records N [--seed N]   (about N records once imported: each
       bulletin gives one record per article plus its closing note)"""
import argparse
import json
import os
import random

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("megabytes", type=float, nargs="?")
ap.add_argument("--records", type=int, help="stop at this many records instead of a size")
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--source", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval",
                                                  "pfr199801-dev.jsonl"))
a = ap.parse_args()
if (a.megabytes is None) == (a.records is None):
    ap.error("give MEGABYTES or --records N")
rng = random.Random(a.seed)
if os.path.exists(a.source):
    articles = [json.loads(l)["text"] for l in open(a.source, encoding="utf-8") if l.strip()]
else:
    sample = open(os.path.join(os.path.dirname(__file__), "..", "data", "sample", "qingxi-2023-05.txt"),
                  encoding="utf-8").read()
    articles = [x.strip() for x in sample.split("\n\n\n") if x.strip()]
os.makedirs(a.out, exist_ok=True)
target = int(a.megabytes * 1e6) if a.megabytes is not None else None
written = n = records = 0
while (written < target) if target is not None else (records < a.records):
    k = rng.randint(8, 16)
    picked = rng.sample(articles, min(k, len(articles)))
    year, month = 1990 + (n // 12) % 30, 1 + n % 12
    body = "\n\n\n".join(picked) + f"\n\n\n本期简报第{n}号，共{len(picked)}篇。\n"
    path = os.path.join(a.out, f"bulletin-{year}-{month:02d}-{n:06d}.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)
    written += len(body.encode("utf-8"))
    records += len(picked) + 1
    n += 1
print(f"{n} bulletins, {written / 1e6:.1f} MB, about {records} records in {a.out}")
