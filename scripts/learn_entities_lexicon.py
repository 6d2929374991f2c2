#!/usr/bin/env python3
"""Learn gazetteers of places and organisations from the PFR 1998-01 DEV split.

Writes data/lexicon/place_learned.txt and data/lexicon/org_learned.tsv: every gold
place/organisation name of the DEV articles that is reliable as a string, i.e. that is
gold in at least --min-ratio of its occurrences in the text (occurrences inside a gold
organisation do not count against a place: the organisation rule covers them).

  learn_entities_lexicon.py [--gold eval/pfr199801-dev.jsonl] [--out data/lexicon]
                            [--fold K]   # 2-fold by day: learn only from the days NOT in fold K
  fold of a day d (even days 2..30) = (d // 2) % 2

With --fold the output directory also receives symlinks to every other lexicon file, so it
can be used as JIANBAO_DATA for a cross-validation run of the unit tests.

Also writes data/lexicon/org_learned_reject.tsv: strings that look like organisation names
(2-6 characters ending in an organisation suffix of org_suffixes.tsv, or a name of
org_known.tsv) but that are gold in under --reject-ratio of their DEV occurrences outside
larger gold names, with at least --reject-min such occurrences (国家教委, 老干部, 总后勤部 alone,
全国委员会 alone). The organisation finder drops candidates equal to one of them.

And data/lexicon/org_learned_context.tsv: for Han strings of 1-3 characters seen at least
--ctx-min times, how often they occur, how often inside a gold organisation and how often
opening one. The finder's backward scan stops at a word that is almost never inside a name
(他, 作为, 取消) and drops a name opened by a word that almost never opens one (保险公司,
电话公司: generic descriptions).

And data/lexicon/place_learned_short_reject.txt: short forms of place_china_divisions.txt
(涿鹿县 → 涿鹿) and two-character county names (和县, 新县) that DEV shows to be common words:
seen at least --short-min times outside longer gold names and a gold place in under
--short-ratio of them (合作, 公安, 和平). The gazetteer leaves those out.
"""
import argparse
import collections
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def norm(s):
    # Same folding as the importer: full-width ASCII letters and digits to ASCII.
    return unicodedata.normalize("NFKC", s)


def fold_of(date):
    return (int(date[-2:]) // 2) % 2


def load_suffixes(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        f = line.split("\t")
        if f[1] != "facility":  # facilities are places; a learned gold organisation stays one
            rows.append((f[0], f[1]))
    rows.sort(key=lambda r: -len(r[0]))
    return rows


def org_type(name, suffixes):
    for suf, typ in suffixes:
        if name.endswith(suf):
            return typ
    return "other"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default="/work/shared/eval/pfr199801-dev.jsonl")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "lexicon"))
    ap.add_argument("--fold", type=int, default=None)
    ap.add_argument("--min-ratio", type=float, default=0.5)
    ap.add_argument("--reject-ratio", type=float, default=0.2)
    ap.add_argument("--reject-min", type=int, default=3)
    ap.add_argument("--ctx-min", type=int, default=5)
    ap.add_argument("--short-min", type=int, default=1)
    ap.add_argument("--short-ratio", type=float, default=0.4)
    a = ap.parse_args()

    arts = [json.loads(l) for l in open(a.gold, encoding="utf-8") if l.strip()]
    if a.fold is not None:
        arts = [x for x in arts if fold_of(x["date"]) != a.fold]

    gold = {"place": collections.Counter(), "org": collections.Counter()}
    for x in arts:
        for m in x["mentions"]:
            if m["type"] in gold:
                gold[m["type"]][norm(m["text"])] += 1

    texts = []
    for x in arts:
        t = norm(x["text"])  # NFKC keeps length for these texts (full-width -> ASCII 1:1)
        spans = [(m["start"], m["end"]) for m in x["mentions"] if m["type"] == "org"]
        texts.append((t, spans))

    def occurrences(s):
        n = 0
        for t, spans in texts:
            i = t.find(s)
            while i >= 0:
                if not any(b <= i and i + len(s) <= e and (e - b) > len(s) for b, e in spans):
                    n += 1
                i = t.find(s, i + len(s))
        return n

    suffixes = load_suffixes(os.path.join(ROOT, "data", "lexicon", "org_suffixes.tsv"))
    os.makedirs(a.out, exist_ok=True)
    src = "learned from PFR 1998-01 DEV split (eval/pfr199801-dev.jsonl, research/evaluation use)"
    fold_note = "" if a.fold is None else f"; fold {a.fold} held out (2-fold CV by day)"

    kept = {}
    for kind in ("place", "org"):
        rows = []
        for s, g in gold[kind].items():
            if len(s) < 2:
                continue
            occ = max(occurrences(s), g)
            if g / occ >= a.min_ratio:
                rows.append((s, g, occ))
        rows.sort(key=lambda r: (-r[1], r[0]))
        kept[kind] = rows

    with open(os.path.join(a.out, "place_learned.txt"), "w", encoding="utf-8") as f:
        f.write(f"# Place names {src}{fold_note}.\n")
        f.write("# Generated by scripts/learn_entities_lexicon.py; do not edit by hand.\n")
        f.write(f"# Kept when gold in >= {a.min_ratio} of the string's occurrences. Columns: name, gold count, occurrences.\n")
        for s, g, occ in kept["place"]:
            f.write(f"{s}\t{g}\t{occ}\n")
    with open(os.path.join(a.out, "org_learned.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# Organisation names {src}{fold_note}.\n")
        f.write("# Generated by scripts/learn_entities_lexicon.py; do not edit by hand.\n")
        f.write(f"# Kept when gold in >= {a.min_ratio} of the string's occurrences; type from org_suffixes.tsv.\n")
        f.write("# Columns: name, type, gold count, occurrences.\n")
        for s, g, occ in kept["org"]:
            f.write(f"{s}\t{org_type(s, suffixes)}\t{g}\t{occ}\n")

    # Short forms of the administrative divisions (涿鹿县 → 涿鹿) that are common words on DEV
    # (朝阳, 和平, 东方): seen at least --short-min times outside longer gold names and a place
    # in under --short-ratio of them. Unseen short forms stay: DEV cannot speak against them.
    all_spans = []
    for x in arts:
        all_spans.append([(m["start"], m["end"]) for m in x["mentions"]])
    shorts = set()
    for line in open(os.path.join(ROOT, "data", "lexicon", "place_china_divisions.txt"), encoding="utf-8"):
        f_ = line.rstrip("\n").split("\t")
        if line.startswith("#") or len(f_) < 2:
            continue
        if len(f_) > 2 and f_[2]:
            shorts.add(f_[2])
        if len(f_[0]) == 2:
            shorts.add(f_[0])  # 和县, 新县, 南县: as often a word pair (和|县级, 新|县城) as a county
    short_rej = []
    for s_ in sorted(shorts):
        n_ = 0
        for (t, _), spans in zip(texts, all_spans):
            i = t.find(s_)
            while i >= 0:
                if not any(b <= i and i + len(s_) <= e and (e - b) > len(s_) for b, e in spans):
                    n_ += 1
                i = t.find(s_, i + 1)
        g_ = gold["place"][s_]
        if n_ >= a.short_min and g_ < a.short_ratio * n_:
            short_rej.append((s_, n_, g_))
    with open(os.path.join(a.out, "place_learned_short_reject.txt"), "w", encoding="utf-8") as f:
        f.write(f"# Short forms of place_china_divisions.txt that are common words, {src}{fold_note}.\n")
        f.write("# Generated by scripts/learn_entities_lexicon.py; do not edit by hand.\n")
        f.write(f"# Kept when >= {a.short_min} occurrences outside longer gold names and a gold place in < {a.short_ratio} of them.\n")
        f.write("# Columns: short form, occurrences, gold place count.\n")
        for s_, n_, g_ in short_rej:
            f.write(f"{s_}\t{n_}\t{g_}\n")

    # Organisation-looking strings that are rarely gold on their own.
    suf_set = sorted({sfx for sfx, typ in suffixes}, key=len)
    known = [l.split("\t")[0].strip() for l in open(os.path.join(ROOT, "data", "lexicon", "org_known.tsv"), encoding="utf-8")
             if l.strip() and not l.startswith("#")]
    free_n, gold_n = collections.Counter(), collections.Counter()
    for x in arts:
        t = norm(x["text"])
        org_spans = [(m["start"], m["end"]) for m in x["mentions"] if m["type"] == "org"]
        gold_spans = set(org_spans)
        ends = set()
        for e in range(1, len(t) + 1):
            if any(t.endswith(sfx, 0, e) for sfx in suf_set):
                ends.add(e)
        for kn in known:
            i = t.find(kn)
            while i >= 0:
                ends.add(i + len(kn))
                i = t.find(kn, i + 1)
        for e in ends:
            for b in range(max(0, e - 6), e - 1):
                if any(b2 <= b and e <= e2 and (e2 - b2) > (e - b) for b2, e2 in org_spans):
                    continue  # inside a larger gold name: says nothing about the string alone
                sub = t[b:e]
                if not all("\u4e00" <= ch <= "\u9fff" for ch in sub):
                    continue
                free_n[sub] += 1
                if (b, e) in gold_spans:
                    gold_n[sub] += 1
    rej = sorted((s_, free_n[s_], gold_n[s_]) for s_ in free_n
                 if free_n[s_] >= a.reject_min and gold_n[s_] < a.reject_ratio * free_n[s_])
    with open(os.path.join(a.out, "org_learned_reject.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# Organisation-looking strings rarely gold on their own, {src}{fold_note}.\n")
        f.write("# Generated by scripts/learn_entities_lexicon.py; do not edit by hand.\n")
        f.write(f"# Kept when >= {a.reject_min} occurrences outside larger gold names and gold in < {a.reject_ratio} of them.\n")
        f.write("# Columns: string, occurrences, gold count.\n")
        for s_, n_, g_ in rej:
            f.write(f"{s_}\t{n_}\t{g_}\n")

    # Word context statistics: inside vs outside gold organisation names.
    occ, inside, opening = collections.Counter(), collections.Counter(), collections.Counter()
    for x in arts:
        t = norm(x["text"])
        org_spans = [(m["start"], m["end"]) for m in x["mentions"] if m["type"] == "org"]
        starts = {b for b, e in org_spans}
        cover = [0] * (len(t) + 1)
        for b, e in org_spans:
            for k in range(b, e):
                cover[k] = max(cover[k], e)
        for i in range(len(t)):
            for L in (1, 2, 3):
                sub = t[i:i + L]
                if len(sub) < L or not all("\u4e00" <= ch <= "\u9fff" for ch in sub):
                    break
                occ[sub] += 1
                if cover[i] >= i + L and all(cover[k] for k in range(i, i + L)):
                    inside[sub] += 1
                if i in starts:
                    opening[sub] += 1
    ctx = sorted((s_, occ[s_], inside[s_], opening[s_]) for s_ in occ
                 if occ[s_] >= a.ctx_min and (inside[s_] < 0.02 * occ[s_] or opening[s_] < 0.01 * occ[s_]))
    with open(os.path.join(a.out, "org_learned_context.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# Context statistics of Han strings (1-3 characters) for organisation names, {src}{fold_note}.\n")
        f.write("# Generated by scripts/learn_entities_lexicon.py; do not edit by hand.\n")
        f.write(f"# Only strings seen >= {a.ctx_min} times and rarely inside (< 2%) or rarely opening (< 1%) a gold name.\n")
        f.write("# Columns: string, occurrences, inside a gold organisation, opening one.\n")
        for s_, n_, i_, o_ in ctx:
            f.write(f"{s_}\t{n_}\t{i_}\t{o_}\n")

    if a.fold is not None:
        lex = os.path.join(ROOT, "data", "lexicon")
        for name in os.listdir(lex):
            if name in ("place_learned.txt", "org_learned.tsv", "org_learned_reject.tsv", "org_learned_context.tsv",
                        "place_learned_short_reject.txt"):
                continue
            dst = os.path.join(a.out, name)
            if os.path.lexists(dst):
                os.remove(dst)
            os.symlink(os.path.join(lex, name), dst)
    print(f"places {len(kept['place'])}, orgs {len(kept['org'])}, rejects {len(rej)} -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
