#!/usr/bin/env python3
"""Writes the fuzz seed corpus (tests/fuzz/corpus/): small real snippets of the sample bulletin and
of the shared seed bulletin in every supported encoding, broken encodings, and hostile queries.
Run once by hand when the seeds need changing; the files are committed."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..")
SAMPLE = os.path.join(SOURCE, "data", "sample", "qingxi-2023-05.txt")
SEED = os.path.join(SOURCE, "..", "shared", "seed", "kaifaqu-2021-12.txt")


def write(kind, name, data):
    path = os.path.join(HERE, "corpus", kind, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def pipeline_seeds():
    sample = open(SAMPLE, encoding="utf-8").read()
    parts = [p for p in sample.split("\n\n") if p.strip()]
    head = "\n\n".join(parts[:4])  # title, a paragraph, a section heading …
    briefs = "\n\n".join(p for p in parts if "●" in p)[:1500] or head
    write("pipeline", "sample-head.txt", head)
    write("pipeline", "sample-briefs.txt", briefs)
    if os.path.exists(SEED):
        seed = open(SEED, encoding="utf-8").read()
        write("pipeline", "seed-head.txt", seed[:900])
        write("pipeline", "seed-crlf.txt", seed[:600].replace("\n", "\r\n"))
    short = parts[0] + "\n\n" + parts[1]
    write("pipeline", "utf8-bom.txt", b"\xef\xbb\xbf" + short.encode("utf-8"))
    write("pipeline", "utf16le.txt", b"\xff\xfe" + short.encode("utf-16-le"))
    write("pipeline", "utf16be.txt", b"\xfe\xff" + short.encode("utf-16-be"))
    write("pipeline", "gb18030.txt", short.encode("gb18030"))
    write("pipeline", "big5.txt", "開發區黨工委書記周海燕主持召開會議。\n\n5月16日上午，開發區召開安全生產工作會議。\n".encode("big5"))
    write("pipeline", "fullwidth-ascii-punct.txt", "标题：ＡＢＣ公司１２月３日签约\n\n12月3日上午,开发区(园区)与ABC公司签约;双方表示:合作!\n")
    u = short.encode("utf-8")
    write("pipeline", "bad-utf8-middle.txt", u[:120] + b"\xc3\x28\xff" + u[120:])
    write("pipeline", "mixed-utf8-gbk.txt", parts[0].encode("utf-8") + b"\n\n" + parts[1].encode("gb18030"))
    write("pipeline", "nul-bytes.txt", u[:60] + b"\x00\x00" + u[60:])
    write("pipeline", "truncated-utf8.txt", u[: len(u) - 1])
    write("pipeline", "png.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02")
    write("pipeline", "elf.bin", b"\x7fELF\x02\x01\x01" + b"\x00" * 40)
    write("pipeline", "whitespace.txt", " \n\t\r\n　\n")
    write("pipeline", "empty.txt", b"")
    write("pipeline", "latin-only.txt", "date,name\n2023-05-08,Shen Liping\n")
    write("pipeline", "dates-and-names.txt", "“12·9”纪念活动\n\n五四青年节前夕，2021年12月9日上午，新华社记者王新庆摄。欧阳明华、司马文涛等出席。近日，今天下午，12月31日。\n")
    write("pipeline", "long-line.txt", ("开发区" * 300) + "\n")


HOSTILE = [
    '"', "(", ")", "*", "NEAR(", "NEAR(a b)", "a AND", "OR", "NOT", "a OR OR b", "'; DROP TABLE records; --",
    "title:经济", "经济*", "^经济", '""', '"经济', "-", "- 经济", "{title body}: x", "\x01", "   ",
    'a"b', "-\"经济\"", "经济 -\"\"", "a\x00b", "\xff\xfe", "(((((((", "＂", "“经济”", "' OR '1'='1",
    "经济 OR 发展 NOT 改革", "开発區 1.6GWh", "　开发区　招商　", "新能源 -招商 OR", "\u200b\u200d", "𠀀𪚥",
]


def query_seeds():
    for i, q in enumerate(HOSTILE):
        write("query", f"q{i:02d}", q.encode("utf-8", "surrogatepass") if "\xff" not in q else b"\xff\xfe")


if __name__ == "__main__":
    pipeline_seeds()
    query_seeds()
    sys.exit(0)
