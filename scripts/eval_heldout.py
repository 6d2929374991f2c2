#!/usr/bin/env python3
"""Held-out estimate of extraction accuracy: 2-fold cross-validation by day on the PFR DEV split.

For fold k (k = 0: days 4, 8, ..; k = 1: days 2, 6, ..) every learned lexicon (people model,
places, organisations and their statistics) is learned from the OTHER half of the days only,
jianbao imports that fold's pages with JIANBAO_DATA pointing at those lexicons, and score.py
scores it against that fold's gold. This is the honest figure for text jianbao has not seen;
`scripts/eval` alone scores lexicons learned on all of DEV, on DEV itself.

Usage: scripts/eval_heldout.py BINARY WORKDIR [--misses N]  (run by `scripts/eval --heldout`)
"""
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("JIANBAO_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
GOLD = os.path.join(SHARED, "eval", "pfr199801-dev.jsonl")
SCORE = os.path.join(SHARED, "tools", "score.py")


def fold_of(date):
    return (int(date[8:10]) // 2) % 2  # same rule as learn_entities_lexicon.py


def run(*cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def main():
    binary, work = sys.argv[1], sys.argv[2]
    misses = sys.argv[sys.argv.index("--misses") + 1] if "--misses" in sys.argv else "0"
    arts = [json.loads(l) for l in open(GOLD, encoding="utf-8") if l.strip()]
    figures = []
    for k in (0, 1):
        lex = os.path.join(work, f"lexicon{k}")
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        run(sys.executable, os.path.join(ROOT, "scripts", "learn_entities_lexicon.py"),
            "--gold", GOLD, "--fold", str(k), "--out", lex, **quiet)
        for name in ("person_chars.txt", "person_model.txt", "ner_model.txt"):  # symlinks into data/: never write through
            if os.path.lexists(os.path.join(lex, name)):
                os.remove(os.path.join(lex, name))
        # The people learner's halves: "even" = days % 4 == 0 (fold 0), "odd" = days % 4 == 2 (fold 1).
        run(sys.executable, os.path.join(ROOT, "scripts", "learn_people_lexicon.py"),
            "--days", "odd" if k == 0 else "even", "--out", lex, **quiet)
        # The name tagger, learned from the other days only (nested cross-fitting inside them).
        run(sys.executable, os.path.join(ROOT, "scripts", "learn_ner_model.py"), os.path.dirname(os.path.abspath(binary)),
            "--gold", GOLD, "--test-fold", str(k), "--out", os.path.join(lex, "ner_model.txt"),
            "--work", os.path.join(work, f"ner{k}"), **quiet)
        gold = os.path.join(work, f"gold{k}.jsonl")
        pages = os.path.join(work, f"pages{k}")
        with open(gold, "w", encoding="utf-8") as f:
            for a in arts:
                if fold_of(a["date"]) == k:
                    f.write(json.dumps(a, ensure_ascii=False) + "\n")
        run(sys.executable, os.path.join(ROOT, "scripts", "make_eval_bulletins.py"), gold, pages,
            stderr=subprocess.DEVNULL)
        files = sorted(os.path.join(pages, p) for p in os.listdir(pages))
        db = os.path.join(work, f"heldout{k}.db")
        if os.path.exists(db):  # a rerun in the same WORKDIR must not find every page "already imported"
            os.remove(db)
        env = dict(os.environ, JIANBAO_DATA=lex)
        t = time.perf_counter()
        run(binary, "--db", db, "-q", "import", *files, env=env)
        secs = time.perf_counter() - t
        out = os.path.join(work, f"heldout{k}.ndjson")
        with open(out, "w", encoding="utf-8") as f:
            run(binary, "--db", db, "export", "--format", "ndjson", stdout=f, env=env)
        print(f"== fold {k}: {len(files)} pages of days {'4, 8, ..' if k == 0 else '2, 6, ..'}, "
              f"lexicons learned on the other days ({secs:.1f} s import)")
        res = subprocess.run([sys.executable, SCORE, "eval", out, "--gold", gold, "--misses", misses, "--json"]
                             if misses == "0" else
                             [sys.executable, SCORE, "eval", out, "--gold", gold, "--misses", misses],
                             check=True, capture_output=True, text=True).stdout
        if misses != "0":
            print(res)
            continue
        fig = json.loads(res)
        figures.append(fig)
        print("  ".join(f"{n} {fig[n]:.4f}" for n in ("persons_f1", "orgs_f1", "places_f1", "dates_recall",
                                                      "date_values_accuracy", "titles_f1", "article_count_exact")))
    if figures:
        print("== held-out mean of the two folds")
        for name in figures[0]:
            if name.endswith(("precision", "recall", "f1", "accuracy", "exact")):
                print(f"{name}: {sum(f[name] for f in figures) / len(figures):.4f}")


if __name__ == "__main__":
    main()
