#!/usr/bin/env python3
"""The baseline jianbao is measured against: jieba.posseg (Debian's python3-jieba) tagging each
bulletin; nr → people, ns → places, nt → organisations, t with a digit → dates. Prints NDJSON in
jianbao's export format so ../shared/tools/score.py can score both the same way. Reports its own
throughput on stderr."""
import json
import os
import re
import sys
import time

import jieba
import jieba.posseg as pseg

jieba.setLogLevel(60)
jieba.initialize()
total = 0
t0 = time.perf_counter()
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    total += len(text.encode("utf-8"))
    for art in re.split(r"\n\n\n+", text.strip()):
        people, orgs, places, dates = {}, {}, {}, []
        lines = art.split("\n")
        for w, flag in pseg.cut(art):
            if flag == "nr" and len(w) >= 2:
                people[w] = people.get(w, 0) + 1
            elif flag == "nt":
                orgs[w] = orgs.get(w, 0) + 1
            elif flag == "ns":
                places[w] = places.get(w, 0) + 1
            elif flag == "t" and re.search(r"[0-9０-９一二三四五六七八九十〇]", w):
                dates.append({"text": w, "value": None})
        print(json.dumps({
            "id": None, "bulletin": {"source": os.path.basename(path), "sha256": "0" * 64, "encoding": "UTF-8", "issued": None},
            "seq": 1, "kind": "article", "section": None, "title": lines[0] if len(lines) > 1 else None,
            "date": None, "time_of_day": None, "date_text": None, "paragraphs": lines[1:],
            "dates": dates,
            "people": [{"name": k, "titles": [], "mentions": v} for k, v in people.items()],
            "organizations": [{"name": k, "type": "other", "mentions": v} for k, v in orgs.items()],
            "places": [{"name": k, "mentions": v} for k, v in places.items()],
            "events": []}, ensure_ascii=False))
dt = time.perf_counter() - t0
print(f"jieba.posseg: {total / 1e6:.2f} MB in {dt:.2f} s = {total / 1e6 / dt:.2f} MB/s", file=sys.stderr)
