#!/usr/bin/env python3
"""Learn the organisation and place name tagger (data/lexicon/ner_model.txt) from PFR DEV gold.

The tagger is stacked on the rule finders: their matches are its features. On the days the rule
lexicons were learned from, those matches are nearly perfect, and a tagger trained on them would
learn to trust them blindly. So the matches it learns from are cross-fitted: each half of the
training days is run through the finders with lexicons learned from the other half only
(learn_entities_lexicon.py --days), as the tagger will meet them on text nobody has seen.

  learn_ner_model.py BINDIR [--test-fold K] [--out FILE] [--work DIR] [--epochs N]

BINDIR holds jianbao_ner_train (the build directory). Without --test-fold the model is learned
from all of DEV (halves = the two folds of eval_heldout.py) and written to data/lexicon; with
--test-fold K it is learned from the other fold only (halves = its quarters), for the held-out
estimate of eval_heldout.py, and fold K is never read.
"""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("JIANBAO_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
DAYS = range(2, 31, 2)  # the DEV split's days


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bindir")
    ap.add_argument("--gold", default=os.path.join(SHARED, "eval", "pfr199801-dev.jsonl"))
    ap.add_argument("--test-fold", type=int, default=None)
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "lexicon", "ner_model.txt"))
    ap.add_argument("--work", default=None)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--runs", type=int, default=3, help="train N times on different orders and average the weights")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="jianbao-ner-")
    os.makedirs(work, exist_ok=True)
    trainer = os.path.join(a.bindir, "jianbao_ner_train")
    if a.test_fold is None:
        halves = [[d for d in DAYS if (d // 2) % 2 == f] for f in (0, 1)]
    else:
        f = 1 - a.test_fold
        halves = [[d for d in DAYS if (d // 2) % 4 == q] for q in (f, f + 2)]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    evidence = []
    for h, days in enumerate(halves):
        other = halves[1 - h]
        lex = os.path.join(work, f"lex{h}")
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "learn_entities_lexicon.py"), "--gold", a.gold,
                        "--days", ",".join(map(str, other)), "--out", lex], check=True, **quiet)
        ev = os.path.join(work, f"evidence{h}.tsv")
        subprocess.run([trainer, "evidence", a.gold, ",".join(map(str, days)), ev], check=True,
                       env=dict(os.environ, JIANBAO_DATA=lex), **quiet)
        evidence.append(ev)
    if a.runs == 1:
        subprocess.run([trainer, "train", os.path.abspath(a.out), str(a.epochs), a.gold, *evidence], check=True)
        return
    parts = []
    for r in range(a.runs):
        part = os.path.join(work, f"run{r}.txt")
        subprocess.run([trainer, "train", part, str(a.epochs), a.gold, *evidence], check=True,
                       env=dict(os.environ, JIANBAO_NER_SEED=str(r + 1)))
        parts.append(part)
    average(parts, os.path.abspath(a.out), a.runs)


def average(parts, out, n):
    """One model whose weights are the mean of several runs' (a feature a run lacks weighs 0 there).
    A feature only a minority of the runs kept is left out: its weight is small, and dropping it
    keeps the model's table (one cache line per feature) within 16 MB."""
    header, trans, rows, seen = [], None, {}, {}
    for i, path in enumerate(parts):
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("#"):
                if i == 0:
                    header.append(line)
            elif line.startswith("T\t"):
                w = [float(x) for x in line.split("\t")[1:]]
                trans = w if trans is None else [a + b for a, b in zip(trans, w)]
            elif line:
                h, *ws = line.split("\t")
                seen[h] = seen.get(h, 0) + 1
                row = rows.setdefault(h, {})
                for tw in ws:
                    t, v = tw.split(":")
                    row[t] = row.get(t, 0.0) + float(v)
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(header) + f"\n# mean of {n} runs in different orders\n")
        f.write("T\t" + "\t".join(f"{x / n:.4g}" for x in trans) + "\n")
        for h, row in rows.items():
            if seen[h] * 2 <= n:
                continue
            ws = [f"{t}:{v / n:.3g}" for t, v in sorted(row.items(), key=lambda kv: int(kv[0])) if abs(v / n) >= 0.01]
            if ws:
                f.write(h + "\t" + "\t".join(ws) + "\n")


if __name__ == "__main__":
    main()
