#!/usr/bin/env python3
"""Writes one bulletin file per DEV page of ../shared/eval/pfr199801-dev.jsonl, by the eval README's
rule (the page's articles' `text` joined by two blank lines, ending with one newline), so jianbao can
be measured on all 133 DEV pages rather than the 40 given."""
import json
import os
import sys
from collections import defaultdict

gold, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
pages = defaultdict(list)
for line in open(gold, encoding="utf-8"):
    if line.strip():
        a = json.loads(line)
        pages[a["bulletin"]].append(a["text"])
for name, texts in pages.items():
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write("\n\n\n".join(texts) + "\n")
print(f"{len(pages)} bulletins in {out}", file=sys.stderr)
