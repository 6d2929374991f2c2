#!/usr/bin/env python3
"""Learn the person model of jianbao's PeopleExtractor from the PFR 1998-01 DEV split.

Writes, into data/lexicon/:
  person_chars.txt  per character: surname, given-name and transliteration buckets
  person_model.txt  weights of the linear model that scores name candidates
  person_strings.txt  per whole string: how often it was a person (the NK feature)

The candidate generator and the features here mirror src/extract/people_model.cpp exactly;
change both together. Usage:
  scripts/learn_people_lexicon.py                 # learn on all DEV days, write data/lexicon
  scripts/learn_people_lexicon.py --folds         # 2-fold check: learn on half the days, score the rest
  scripts/learn_people_lexicon.py --out DIR --days even|odd   # write a fold's files into DIR
"""
import argparse
import collections
import ctypes
import json
import math
import os
import random
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "data", "lexicon")
DEV = os.environ.get("JIANBAO_SHARED_DIR", "/work/shared") + "/eval/pfr199801-dev.jsonl"

DOTS = "·・•‧"
MAX_FOREIGN = 10


def read_words(name):
    out = []
    with open(os.path.join(LEX, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            out.extend(line.split())
    return out


SURNAMES = read_words("surnames.txt")
SINGLE = {s for s in SURNAMES if len(s) == 1}
COMPOUND = {s for s in SURNAMES if len(s) == 2}
TITLES = set(read_words("titles.txt"))
STOPS = set(read_words("person_stops.txt"))
NONAMES = set(read_words("person_nonames.txt"))
SUFFIXES = set(read_words("person_suffixes.txt"))
TRANSLIT = set(read_words("person_translit.txt"))  # conventional transliteration characters
MAXW = 6  # longest lexicon word looked up, in characters


def is_han(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF


def fold(c):
    """Character class used in context features; the C++ side folds the same way."""
    o = ord(c)
    if 0xFF01 <= o <= 0xFF5E:
        c = chr(o - 0xFEE0)
    if c in ",;:?!()":
        c = chr(ord(c) + 0xFEE0)
    if c.isascii():
        if c.isdigit():
            return "0"
        if c.isalpha():
            return "a"
        if c.isspace():
            return "_"
    if c in "\u3000\t\r":
        return "_"
    if c == "\n":
        return "^"
    return c


def starts_word(chars, i, words):
    """True when a word of `words` starts at chars[i]."""
    s = ""
    for k in range(i, min(len(chars), i + MAXW)):
        s += chars[k]
        if s in words:
            return True
    return False


def ends_word(chars, i, words):
    """True when a word of `words` ends just before chars[i]."""
    s = ""
    for k in range(i - 1, max(-1, i - 1 - MAXW), -1):
        s = chars[k] + s
        if s in words:
            return True
    return False


class _Icu:
    """ICU's word break iterator through its C API (the libicu the C++ side links), so that the
    learner sees the same word boundaries as src/segment/words.cpp."""

    def __init__(self):
        self.lib = None
        for v in range(80, 60, -1):
            try:
                self.lib = ctypes.CDLL("libicuuc.so.%d" % v)
                self.v = v
                break
            except OSError:
                continue
        if self.lib is None:
            sys.exit("learn_people_lexicon.py: libicuuc not found (install libicu-dev)")

        def fn(name, res, args):
            f = getattr(self.lib, "%s_%d" % (name, self.v))
            f.restype, f.argtypes = res, args
            return f
        self.open = fn("ubrk_open", ctypes.c_void_p,
                       [ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int32, ctypes.POINTER(ctypes.c_int)])
        self.first = fn("ubrk_first", ctypes.c_int32, [ctypes.c_void_p])
        self.next = fn("ubrk_next", ctypes.c_int32, [ctypes.c_void_p])
        self.close = fn("ubrk_close", None, [ctypes.c_void_p])

    def bounds(self, chars):
        """Per character position 0..n: 1 when an ICU word (not whitespace) begins or ends there."""
        text = "".join(chars)
        u16 = text.encode("utf-16-le")
        n16 = len(u16) // 2
        buf = ctypes.create_string_buffer(u16, len(u16) + 2)
        st = ctypes.c_int(0)
        it = self.open(1, b"zh", buf, n16, ctypes.byref(st))  # UBRK_WORD
        if st.value > 0:
            sys.exit("learn_people_lexicon.py: ubrk_open failed (%d)" % st.value)
        cp = []
        for k, ch in enumerate(chars):
            cp.extend([k] * (2 if ord(ch) > 0xFFFF else 1))
        cp.append(len(chars))
        out = [0] * (len(chars) + 1)
        s = self.first(it)
        while True:
            e = self.next(it)
            if e < 0:
                break
            if not chars[cp[s]].isspace():
                out[cp[s]] = out[cp[e]] = 1
            s = e
        self.close(it)
        return out


_ICU = None


def icu_bounds(chars):
    global _ICU
    if _ICU is None:
        _ICU = _Icu()
    return _ICU.bounds(chars)


def bucket(hits, total):
    if hits == 0:
        # never in a name: tell rare characters from common ones
        return "z" if total > 50 else "y" if total > 5 else "x"
    return str(min(12, int(math.log2((total + 1) / hits))))


class CharInfo:
    def __init__(self, table, strings=None):
        self.t = table  # char -> (sb, gb, fb)
        self.s = strings or {}  # candidate string -> name bucket (string_stats)

    def nk(self, name):
        return self.s.get(name, "x")

    def sb(self, c):
        return self.t.get(c, ("x", "x", "x"))[0]

    def gb(self, c):
        return self.t.get(c, ("x", "x", "x"))[1]

    def fb(self, c):
        return self.t.get(c, ("x", "x", "x"))[2]

    def translit(self, c):
        if not is_han(c):  # brackets and letters next to a name are no part of it
            return False
        b = self.fb(c)
        return b.isdigit() and int(b) <= 9


def is_foreign_name(n):
    if any(d in n for d in DOTS):
        return True
    if len(n) >= 2 and n[:2] in COMPOUND:
        return len(n) > 4
    return n[0] not in SINGLE or len(n) > 3


def learn_chars(arts):
    text = collections.Counter()
    sur = collections.Counter()
    giv = collections.Counter()
    frn = collections.Counter()
    names = set()
    for a in arts:
        text.update(a["text"])
        names.update(p for p in a["persons"] if len(p) >= 2)
    for n in names:
        if is_foreign_name(n):
            for c in set(n):
                if c not in DOTS:
                    frn[c] += 1
        else:
            sl = 2 if n[:2] in COMPOUND and len(n) >= 3 else 1
            sur[n[:sl]] += 1
            for c in n[sl:]:
                giv[c] += 1
    table = {}
    for c in set(sur) | set(giv) | set(frn):
        if len(c) != 1:
            continue
        # a listed surname not yet seen in a name counts as half a name: rare, not impossible
        sh = sur[c] or (0.5 if c in SINGLE else 0)
        # likewise a conventional transliteration character not yet seen in a foreign name
        fh = frn[c] or (0.5 if c in TRANSLIT else 0)
        table[c] = (bucket(sh, text[c]), bucket(giv[c], text[c]), bucket(fh, text[c]))
    for c in set(text) | SINGLE | TRANSLIT:
        if c not in table and is_han(c):
            sb = bucket(0.5, text[c]) if c in SINGLE else bucket(0, text[c])
            fb = bucket(0.5, text[c]) if c in TRANSLIT else bucket(0, text[c])
            table[c] = (sb, bucket(0, text[c]), fb)
    return CharInfo(table, string_stats(arts, names))


def string_stats(arts, names):
    """Name bucket of whole strings: how often a string of the text is a person there. Kept for
    strings that were a name at least once, and for frequent surname-initial strings that never
    were (关于, 国家, 党中央): bucket(person mentions, occurrences in the text)."""
    occ = collections.Counter()
    for a in arts:
        t = a["text"]
        for i, c in enumerate(t):
            if c in SINGLE or t[i:i + 2] in COMPOUND:
                for L in (2, 3, 4):
                    if i + L <= len(t):
                        occ[t[i:i + L]] += 1
    hits = collections.Counter()
    for a in arts:
        for m in a["mentions"]:
            if m["type"] == "person" and m["end"] - m["start"] >= 2:
                hits[a["text"][m["start"]:m["end"]]] += 1
    out = {}
    # (kept to what a line of the file can hold: no blanks, no comment sign)
    hits = collections.Counter({x: h for x, h in hits.items() if "#" not in x and not any(c.isspace() for c in x)})
    occ = collections.Counter({x: n for x, n in occ.items() if "#" not in x and not any(c.isspace() for c in x)})
    for x, h in hits.items():
        total = occ[x] if x in occ else sum(a["text"].count(x) for a in arts)
        out[x] = bucket(h, max(total, h))
    for x, total in occ.items():
        if x not in hits and total > 5:
            out[x] = bucket(0, total)
    return out


LIST_COMMA = "、"
MAX_ITEM = 6


def list_item(chars, k, step):
    """Shape of the 、-list item whose first (step 1) or last (step -1) character is at k: its
    length (up to MAX_ITEM, else +) and whether it starts with a surname (s), a transliteration-
    or other Han character (h) or something else (o)."""
    n = len(chars)
    q = k
    while 0 <= q < n and is_han(chars[q]) and abs(q - k) < MAX_ITEM:
        q += step
    if 0 <= q < n and is_han(chars[q]):
        return "+"
    b = k if step > 0 else q + 1
    L = abs(q - k)
    if L == 0:
        return "0"
    first = chars[b]
    return "%d%s" % (L, "s" if first in SINGLE or "".join(chars[b:b + 2]) in COMPOUND else "h")


def chinese_shape(chars, i, e):
    """True when chars[i:e] is also a Chinese-name candidate (surname + 1-2 Han characters)."""
    L = e - i
    if not all(is_han(chars[k]) for k in range(i, e)):
        return False
    if chars[i] in SINGLE and L in (2, 3):
        return True
    return "".join(chars[i:i + 2]) in COMPOUND and L in (3, 4)


def candidates(chars, ci, wb=None):
    """Name candidates of a text as {(start, end): [features]}; wb: icu_bounds(chars)."""
    n = len(chars)
    out = {}
    if wb is None:
        wb = icu_bounds(chars)

    def ctx(s, e, pre):
        p1 = fold(chars[s - 1]) if s > 0 else "^"
        p2 = fold(chars[s - 2]) if s > 1 else "^"
        n1 = fold(chars[e]) if e < n else "^"
        n2 = fold(chars[e + 1]) if e + 1 < n else "^"
        L = e - s
        f = [pre + "P1=" + p1, pre + "P2=" + p2 + p1, pre + "N1=" + n1, pre + "N2=" + n1 + n2,
             pre + "LN1=%d%s" % (L, n1), pre + "PN=" + p1 + n1]
        if ends_word(chars, s, TITLES):
            f.append(pre + "PT")
        if starts_word(chars, e, TITLES):
            f.append(pre + "NT%d" % L)
        if starts_word(chars, e, STOPS):
            f.append(pre + "NS%d" % L)
        if starts_word(chars, e, SUFFIXES):
            f.append(pre + "XS%d" % L)
        if starts_word(chars, e - 1, SUFFIXES):
            f.append(pre + "XL%d" % L)
        if e < n and is_han(chars[e]):
            f.append(pre + "NB%d=%s" % (L, ci.gb(chars[e])))
        # ICU's word boundaries from s to e: its dictionary splits an unknown name into single
        # characters (王|进|健一|行) and keeps common words whole (高|增长, 候选人).
        f.append(pre + "WB=" + "".join("1" if wb[q] else "0" for q in range(s, e + 1)))
        # A 、-list item next to another one of a name's shape (纪鸿尚、孙天义、苏明、姜信真).
        if s > 1 and chars[s - 1] == LIST_COMMA:
            f.append(pre + "LP=" + list_item(chars, s - 2, -1))
        if e + 1 < n and chars[e] == LIST_COMMA:
            f.append(pre + "LN=" + list_item(chars, e + 1, 1))
        return f

    def add(s, e, f):
        out.setdefault((s, e), []).extend(f)

    for i in range(n):
        c = chars[i]
        if c in SINGLE or (i + 1 < n and c + chars[i + 1] in COMPOUND):
            for sl in (1, 2):
                if sl == 1 and c not in SINGLE:
                    continue
                if sl == 2 and not (i + 1 < n and c + chars[i + 1] in COMPOUND):
                    continue
                for gl in (1, 2):
                    e = i + sl + gl
                    if e > n or not all(is_han(chars[k]) for k in range(i + sl, e)):
                        break
                    name = "".join(chars[i:e])
                    sur = name[:sl]
                    f = ["C%d%d" % (sl, gl), "S=" + sur,
                         "SB=" + (ci.sb(sur) if sl == 1 else "cmp")]
                    if gl == 1:
                        f += ["G=" + name[sl], "GB=" + ci.gb(name[sl])]
                    else:
                        g1, g2 = name[sl], name[sl + 1]
                        f += ["G1=" + g1, "G2=" + g2, "GB1=" + ci.gb(g1), "GB2=" + ci.gb(g2),
                              "GBB=" + ci.gb(g1) + "," + ci.gb(g2)]
                    if name[:2] in NONAMES or name in NONAMES:
                        f.append("NN")
                    add(i, e, f + ctx(i, e, ""))
        # transliterated names: runs of transliteration characters, optionally joined by dots
        if ci.translit(c):
            run_start = i == 0 or not (ci.translit(chars[i - 1]) or (chars[i - 1] in DOTS and i > 1
                                                                       and ci.translit(chars[i - 2])))
            k = i
            worst = 0
            while k < n and k - i < MAX_FOREIGN:
                ch = chars[k]
                if ci.translit(ch):
                    worst = max(worst, int(ci.fb(ch)))
                elif ch in DOTS and k > i and k + 1 < n and ci.translit(chars[k + 1]):
                    k += 1
                    continue
                else:
                    break
                k += 1
                e = k
                if e - i < 2:
                    continue
                run_end = not (e < n and (ci.translit(chars[e]) or (chars[e] in DOTS and e + 1 < n
                                                                    and ci.translit(chars[e + 1]))))
                name = "".join(chars[i:e])
                L = min(e - i, 8)
                f = ["F%d" % L, "FF=" + name[0], "FE=" + name[-1], "FW=%d" % worst,
                     "FLW=%d,%d" % (L, worst)]
                if chinese_shape(chars, i, e):
                    f.append("FCH%d" % L)
                if run_start:
                    f.append("FRS")
                if run_end:
                    f.append("FRE")
                if run_start and run_end:
                    f.append("FRSE%d" % L)
                if any(d in name for d in DOTS):
                    f.append("FDOT")
                add(i, e, f + ctx(i, e, "F"))
    # The same string proposed elsewhere in the text: names are repeated, chance strings less so.
    count = collections.Counter("".join(chars[s:e]) for s, e in out)
    for (s, e), f in out.items():
        name = "".join(chars[s:e])
        f.append("REP=%d" % min(4, count[name]))
        # How often this very string was a name in the text learned from.
        f.append("NK=" + ci.nk(name))
    return out


def load(days=None):
    arts = []
    with open(DEV, encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if days is None or int(a["date"][8:10]) % 4 in days:
                arts.append(a)
    return arts


def examples(arts, ci):
    for a in arts:
        chars = list(a["text"])
        gold = {(m["start"], m["end"]) for m in a["mentions"] if m["type"] == "person"}
        for span, f in candidates(chars, ci).items():
            yield a, span, f, span in gold


def train(arts, ci, epochs=8, seed=1, parts=5):
    """Features of each training article use character statistics learned without its part
    (jackknife), so that the model sees names with unseen characters as new text will have."""
    data = []
    fid = {}
    for k in range(parts):
        held = [a for a in arts if int(a["date"][8:10]) // 2 % parts == k]
        rest = [a for a in arts if int(a["date"][8:10]) // 2 % parts != k]
        cik = learn_chars(rest) if rest and held else ci
        for a, span, f, y in examples(held, cik):
            data.append(([fid.setdefault(x, len(fid)) for x in f], 1 if y else -1))
    # Features seen in fewer than PEOPLE_MIN_COUNT training candidates are left out (a smaller,
    # faster model; they generalise least).
    min_count = int(os.environ.get("PEOPLE_MIN_COUNT", "2"))
    if min_count > 1:
        seen = collections.Counter(i for xs, _ in data for i in set(xs))
        data = [([i for i in xs if seen[i] >= min_count], y) for xs, y in data]
    if os.environ.get("PEOPLE_TRAINER", "logreg") == "logreg":
        return train_logreg(data, fid, epochs, seed)
    w = [0.0] * len(fid)
    acc = [0.0] * len(fid)  # for averaging: sum of c * update
    c = 1
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(data)
        for xs, y in data:
            s = sum(w[i] for i in xs)
            if y * s <= 0:
                for i in xs:
                    w[i] += y
                    acc[i] += c * y
            c += 1
    names = [None] * len(fid)
    for k, i in fid.items():
        names[i] = k
    return {names[i]: w[i] - acc[i] / c for i in range(len(fid)) if abs(w[i] - acc[i] / c) >= 0.005}


def train_logreg(data, fid, epochs, seed, l2=float(os.environ.get("PEOPLE_L2", "1e-3")), lr=0.2):
    """Logistic regression by AdaGrad SGD; the decision threshold (log-odds) is THRESHOLD."""
    w = [0.0] * len(fid)
    g2 = [1e-8] * len(fid)
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(data)
        for xs, y in data:
            s = sum(w[i] for i in xs)
            t = 1.0 if y > 0 else 0.0
            if s > 30:
                p = 1.0
            elif s < -30:
                p = 0.0
            else:
                p = 1.0 / (1.0 + math.exp(-s))
            g = p - t
            if abs(g) < 1e-4:
                continue
            for i in xs:
                gi = g + l2 * w[i]
                g2[i] += gi * gi
                w[i] -= lr * gi / math.sqrt(g2[i])
    names = [None] * len(fid)
    for k, i in fid.items():
        names[i] = k
    model = {names[i]: w[i] for i in range(len(fid)) if abs(w[i]) >= 0.005}
    model["THRESHOLD"] = float(os.environ.get("PEOPLE_THRESHOLD", "-0.5"))
    return model


def decode(chars, ci, model, threshold=None):
    if threshold is None:
        threshold = model.get("THRESHOLD", 0.0)
    cands = candidates(chars, ci)
    scored = sorted(((sum(model.get(x, 0.0) for x in f), s, e) for (s, e), f in cands.items()), reverse=True)
    taken = [False] * len(chars)
    out = []
    for sc, s, e in scored:
        if sc <= threshold:
            break
        if any(taken[s:e]):
            continue
        for k in range(s, e):
            taken[k] = True
        out.append((s, e))
    return sorted(out)


def evaluate(arts, ci, model, show=0):
    want = collections.defaultdict(set)
    got = collections.defaultdict(set)
    for a in arts:
        want[a["bulletin"]].update(unicodedata.normalize("NFKC", p) for p in a["persons"] if len(p) >= 2)
        for s, e in decode(list(a["text"]), ci, model):
            got[a["bulletin"]].add(unicodedata.normalize("NFKC", a["text"][s:e]))
    tp = fp = fn = 0
    miss = collections.Counter()
    extra = collections.Counter()
    for k in want:
        tp += len(want[k] & got[k])
        fp += len(got[k] - want[k])
        fn += len(want[k] - got[k])
        miss.update(want[k] - got[k])
        extra.update(got[k] - want[k])
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    f = 2 * p * r / max(1e-9, p + r)
    if show:
        print("  misses:", " ".join(x for x, _ in miss.most_common(show)))
        print("  extras:", " ".join(x for x, _ in extra.most_common(show)))
    return p, r, f


def write(out_dir, ci, model, note):
    os.makedirs(out_dir, exist_ok=True)
    head = ("# Learned from PFR 1998-01 DEV split (%s) by scripts/learn_people_lexicon.py; do not edit.\n"
            "# Research/evaluation data of PKU ICL and Fujitsu R&D; only statistics are kept here.\n" % note)
    for name in ("person_chars.txt", "person_model.txt", "person_strings.txt"):
        path = os.path.join(out_dir, name)
        if os.path.islink(path):  # a fold's lexicon links into data/: never write through it
            os.remove(path)
    with open(os.path.join(out_dir, "person_strings.txt"), "w", encoding="utf-8") as f:
        f.write(head + "# string<TAB>name bucket: floor(log2((occurrences + 1) / person mentions)) for strings\n"
                "# that were a person at least once; y / z for surname-initial strings seen 6-50 / 50+\n"
                "# times and never a person. One feature (NK) of the person model.\n")
        for x in sorted(ci.s):
            f.write("%s\t%s\n" % (x, ci.s[x]))
    with open(os.path.join(out_dir, "person_chars.txt"), "w", encoding="utf-8") as f:
        f.write(head + "# char<TAB>surname bucket<TAB>given-name bucket<TAB>transliteration bucket\n"
                "# bucket = floor(log2((text count + 1) / distinct names using it)); never in a name:\n"
                "# z (a common character), y (seen 6-50 times), x (rare; also every character not listed)\n")
        for c in sorted(ci.t):
            sb, gb, fb = ci.t[c]
            if (sb, gb, fb) != ("x", "x", "x"):
                f.write("%s\t%s\t%s\t%s\n" % (c, sb, gb, fb))
    with open(os.path.join(out_dir, "person_model.txt"), "w", encoding="utf-8") as f:
        f.write(head + "# feature<TAB>weight of the linear name-candidate model (logistic regression; THRESHOLD: log-odds cut)\n")
        for k in sorted(model):
            f.write("%s\t%.3f\n" % (k, model[k]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", action="store_true")
    ap.add_argument("--out", default=LEX)
    ap.add_argument("--fold-dirs", help="with --folds: write each fold's lexicon into DIR0, DIR1")
    ap.add_argument("--days", choices=["even", "odd", "all"], default="all",
                    help="learn on days with day%%4==0 (even) or ==2 (odd) only")
    ap.add_argument("--epochs", type=int, default=int(os.environ.get("PEOPLE_EPOCHS", "8")))
    args = ap.parse_args()
    if args.folds:
        halves = ({0}, {2})
        for k in (0, 1):
            tr, te = load(halves[k]), load(halves[1 - k])
            ci = learn_chars(tr)
            model = train(tr, ci, args.epochs)
            print("fold %d train P/R/F %.4f %.4f %.4f" % ((k,) + evaluate(tr, ci, model)))
            print("fold %d test  P/R/F %.4f %.4f %.4f" % ((k,) + evaluate(te, ci, model, show=40)))
            base = model.get("THRESHOLD", 0.0)
            for d in (-1.0, -0.5, 0.5, 1.0, 1.5):
                model["THRESHOLD"] = base + d
                print("  threshold %.1f test P/R/F %.4f %.4f %.4f" % ((base + d,) + evaluate(te, ci, model)))
            model["THRESHOLD"] = base
            if args.fold_dirs:
                import shutil
                d = "%s%d" % (args.fold_dirs, k)
                shutil.rmtree(d, ignore_errors=True)
                shutil.copytree(LEX, d)
                write(d, ci, model, "fold %d" % k)
        return
    days = {"even": {0}, "odd": {2}, "all": None}[args.days]
    arts = load(days)
    ci = learn_chars(arts)
    model = train(arts, ci, args.epochs)
    print("train P/R/F %.4f %.4f %.4f" % evaluate(arts, ci, model, show=30))
    write(args.out, ci, model, {"all": "all days", "even": "days 4,8,..", "odd": "days 2,6,.."}[args.days])


if __name__ == "__main__":
    main()
