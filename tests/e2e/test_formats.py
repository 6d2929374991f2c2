"""Encodings, traditional characters, pinyin lookup, CSV, stdin, check and remove — through the binary."""
import csv
import io
import json
import os
import shutil
import subprocess
import unittest
import xml.etree.ElementTree as ET

from jb import BIN, SAMPLE, ArchiveTest, dump, run

STRIP = ("bulletin",)


def comparable(records):
    return [{k: v for k, v in r.items() if k not in STRIP} for r in records]


def traditional(text):
    """The sample rewritten in traditional characters, with ICU's own uconv."""
    if not shutil.which("uconv"):
        return None
    return subprocess.run(["uconv", "-x", "Simplified-Traditional", "-f", "utf-8", "-t", "utf-8"],
                          input=text.encode("utf-8"), capture_output=True, check=True).stdout.decode("utf-8")


class Encodings(ArchiveTest):
    def setUp(self):
        super().setUp()
        self.text = open(SAMPLE, encoding="utf-8").read()

    def encoded(self, text, name):
        return {
            "UTF-8": text.encode("utf-8"),
            "UTF-8 BOM": b"\xef\xbb\xbf" + text.encode("utf-8"),
            "UTF-16LE": b"\xff\xfe" + text.encode("utf-16-le"),
            "UTF-16BE": b"\xfe\xff" + text.encode("utf-16-be"),
            "GB18030": text.encode("gb18030"),
            "Big5": text.encode("big5") if name == "Big5" else None,
        }[name]

    def test_every_encoding_gives_the_same_records(self):
        want = self.parse_json("--issued", "2023-05", SAMPLE)
        for name, label in [("UTF-8 BOM", "UTF-8"), ("UTF-16LE", "UTF-16LE"), ("UTF-16BE", "UTF-16BE"),
                            ("GB18030", "GB18030")]:
            path = self.write(f"sample-{name}.txt", self.encoded(self.text, name))
            got = self.parse_json("--issued", "2023-05", path)
            self.assertEqual(got[0]["bulletin"]["encoding"], label, name)
            self.assertEqual(comparable(got), comparable(want), name)

    def test_traditional_bulletin_in_big5_and_utf8(self):
        trad = traditional(self.text)
        if trad is None:
            self.skipTest("uconv not installed")
        want = self.parse_json("--issued", "2023-05", SAMPLE)
        for name in ["UTF-8", "Big5"]:
            path = self.write(f"trad-{name}.txt", trad.encode("big5" if name == "Big5" else "utf-8"))
            got = self.parse_json("--issued", "2023-05", path)
            self.assertEqual(got[0]["bulletin"]["encoding"], name)
            # Same structure, same dates, same people (names come out simplified).
            self.assertEqual([r["date"] for r in got], [r["date"] for r in want])
            self.assertEqual([[p["name"] for p in r["people"]] for r in got],
                             [[p["name"] for p in r["people"]] for r in want], name)
            self.assertIn("開發區", got[0]["title"])  # the text is kept as written
        # A traditional query finds simplified text, and a simplified one traditional text.
        run("import", "--issued", "2023-05", SAMPLE, db=self.db, check=0)
        self.assertEqual(len(json.loads(run("search", "開發區", "--json", db=self.db, check=0).stdout)), 9)

    def test_same_text_in_another_encoding_is_already_imported(self):
        run("import", "--issued", "2023-05", SAMPLE, db=self.db, check=0)
        path = self.write("sample-gb.txt", self.encoded(self.text, "GB18030"))
        p = run("import", "--issued", "2023-05", path, db=self.db, check=0)
        self.assertIn("already imported", p.stdout)
        self.assertEqual(json.loads(run("stats", "--json", db=self.db, check=0).stdout)["bulletins"], 1)

    def test_forced_encoding(self):
        path = self.write("gbk.txt", self.text.encode("gbk"))
        recs = json.loads(run("parse", "--encoding", "GBK", path, check=0).stdout)
        self.assertEqual(recs[0]["bulletin"]["encoding"], "GBK")
        self.assertEqual(run("parse", "--encoding", "klingon", path).returncode, 2)


class PeopleLookup(ArchiveTest):
    def setUp(self):
        super().setUp()
        run("import", SAMPLE, db=self.db, check=0)

    def test_pinyin_and_traditional(self):
        for spelling in ["周海燕", "周海燕", "Zhou Haiyan", "zhouhaiyan", "Zhōu Hǎiyàn", "ZHOU HAI YAN"]:
            recs = json.loads(run("search", "--person", spelling, "--json", db=self.db, check=0).stdout)
            self.assertEqual(len(recs), 3, spelling)
        out = run("person", "han xuesong", db=self.db, check=0).stdout
        self.assertTrue(out.startswith("韩雪松"), out)
        self.assertIn("韓雪松", run("person", "韓雪松", db=self.db, check=0).stdout.replace("韩雪松", "韓雪松"))

    def test_ambiguous_pinyin_lists_people(self):
        # Two people who read alike: 周海燕 and 周海艳 (both zhou hai yan).
        other = self.write("2023-06.txt", "周海艳调研\n\n6月2日上午，县委书记周海艳来开发区调研。\n")
        run("import", other, db=self.db, check=0)
        p = run("search", "--person", "zhou haiyan", db=self.db)
        self.assertEqual(p.returncode, 1)
        self.assertIn("周海燕", p.stderr)
        self.assertIn("周海艳", p.stderr)
        self.assertEqual(p.stdout, "")


class CsvExport(ArchiveTest):
    def setUp(self):
        super().setUp()
        run("import", SAMPLE, db=self.db, check=0)
        self.records = json.loads(run("export", db=self.db, check=0).stdout)

    def table(self, name, *extra):
        out = run("export", "--format", "csv", "--table", name, *extra, db=self.db, check=0).stdout
        return list(csv.DictReader(io.StringIO(out, newline="")))

    def test_records_table_matches_json(self):
        rows = self.table("records")
        self.assertEqual([int(r["record_id"]) for r in rows], [r["id"] for r in self.records])
        for row, rec in zip(rows, self.records):
            self.assertEqual(row["title"], rec["title"] or "")
            self.assertEqual(row["date"], rec["date"] or "")
            self.assertEqual(row["text"], "\n".join(rec["paragraphs"]))
            self.assertEqual(row["people"], ";".join(p["name"] for p in rec["people"]))

    def test_appearances_one_row_per_person_per_record(self):
        rows = self.table("appearances")
        want = [(r["id"], p["name"], ";".join(p["titles"])) for r in self.records for p in r["people"]]
        self.assertEqual([(int(x["record_id"]), x["name"], x["titles"]) for x in rows], want)
        for x in rows:
            rec = next(r for r in self.records if r["id"] == int(x["record_id"]))
            others = [p["name"] for p in rec["people"] if p["name"] != x["name"]]
            self.assertEqual(x["co_present"], ";".join(others))

    def test_people_events_organizations_and_bom(self):
        people = {r["name"]: r for r in self.table("people")}
        self.assertEqual(people["周海燕"]["records"], "3")
        events = self.table("events")
        self.assertEqual(len(events), sum(len(r["events"]) for r in self.records))
        orgs = self.table("organizations")
        self.assertIn("江南理工大学", [o["name"] for o in orgs])
        raw = run("export", "--format", "csv", "--bom", db=self.db, check=0).stdout
        self.assertTrue(raw.startswith("\ufeff"))


class StreamsAndMaintenance(ArchiveTest):
    def test_import_from_stdin(self):
        text = open(SAMPLE, encoding="utf-8").read()
        p = run("import", "-", "--name", "qingxi-2023-05.txt", db=self.db, stdin=text, check=0)
        self.assertIn("qingxi-2023-05.txt: 9 records", p.stdout)
        recs = json.loads(run("export", db=self.db, check=0).stdout)
        self.assertEqual(recs[0]["bulletin"]["source"], "qingxi-2023-05.txt")
        self.assertEqual(recs[0]["bulletin"]["issued"], "2023-05")

    def test_check_and_remove(self):
        run("import", SAMPLE, db=self.db, check=0)
        empty_before = dump(self.db)
        other = self.write("2023-06.txt", "周海艳调研\n\n6月2日上午，县委书记周海艳来开发区调研。\n")
        run("import", other, db=self.db, check=0)
        self.assertIn("ok", run("check", db=self.db, check=0).stdout)
        p = run("remove", other, db=self.db, check=0)
        self.assertIn(", 1 record\n", p.stdout)
        self.assertEqual(run("person", "周海艳", db=self.db).returncode, 1)
        self.assertEqual(run("check", db=self.db, check=0).returncode, 0)
        self.assertEqual(run("remove", "no-such.txt", db=self.db).returncode, 1)
        stats = json.loads(run("stats", "--json", db=self.db, check=0).stdout)
        self.assertEqual(stats["bulletins"], 1)
        self.assertEqual(stats["records"], 9)
        # The remaining archive reads as before the second import, apart from id counters.
        self.assertEqual(json.loads(run("export", db=self.db, check=0).stdout)[0]["bulletin"]["id"], 1)
        self.assertIsNotNone(empty_before)

    def test_check_finds_damage(self):
        import sqlite3
        run("import", SAMPLE, db=self.db, check=0)
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute("DELETE FROM bulletins")  # records left pointing at nothing
        con.commit()
        con.close()
        p = run("check", db=self.db)
        self.assertEqual(p.returncode, 4)
        self.assertIn("foreign key", p.stdout)


class ElasticsearchBulk(ArchiveTest):
    def test_bulk_file_is_action_and_document_pairs(self):
        run("import", SAMPLE, db=self.db, check=0)
        lines = run("export", "--format", "es-bulk", "--index", "bulletins", db=self.db, check=0).stdout.splitlines()
        self.assertEqual(len(lines), 18)
        records = json.loads(run("export", db=self.db, check=0).stdout)
        for i in range(0, len(lines), 2):
            action, doc = json.loads(lines[i]), json.loads(lines[i + 1])
            self.assertEqual(action, {"index": {"_index": "bulletins", "_id": str(doc["id"])}})
            self.assertEqual(doc, records[i // 2])
        mapping = json.load(open(os.path.join(os.path.dirname(SAMPLE), "..", "elasticsearch", "mapping.json")))
        self.assertEqual(set(mapping["mappings"]["properties"]), set(records[0]) - {"snippet"})

    def test_an_index_name_elasticsearch_refuses_is_a_usage_error(self):
        run("import", SAMPLE, db=self.db, check=0)
        before = dump(self.db)
        for name in ["Bulletins", "a b", "_x", "a/b", "..", ""]:
            p = run("export", "--format", "es-bulk", "--index", name, db=self.db)
            self.assertEqual(p.returncode, 2, name)
            self.assertEqual(p.stdout, "", name)
            self.assertIn("--index", p.stderr, name)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        # not UTF-8 (a GBK byte pair, as a mis-set terminal passes it)
        p = subprocess.run([BIN, "--db", self.db, "export", "--format", "es-bulk", "--index", b"\xbc\xf2"],
                           capture_output=True)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"not UTF-8", p.stderr)
        self.assertEqual(dump(self.db), before)
        self.assertEqual(run("export", "--format", "es-bulk", "--index", "简报-1998", db=self.db).returncode, 0)


class CoAppearanceGraph(ArchiveTest):
    NS = "{http://graphml.graphdrawing.org/xmlns}"

    def test_graphml_is_read_by_a_real_reader(self):
        run("import", SAMPLE, db=self.db, check=0)
        path = os.path.join(self.dir, "people.graphml")
        run("export", "--graph", "-o", path, db=self.db, check=0)
        root = ET.parse(path).getroot()  # well-formed XML, or this raises
        self.assertEqual(root.tag, self.NS + "graphml")
        keys = {k.get("id"): (k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in root.iter(self.NS + "key")}
        self.assertEqual(keys["weight"], ("edge", "weight", "int"))
        self.assertEqual(keys["label"], ("node", "label", "string"))
        graph = root.find(self.NS + "graph")
        self.assertEqual(graph.get("edgedefault"), "undirected")
        nodes = {}
        for n in graph.iter(self.NS + "node"):
            nodes[n.get("id")] = {d.get("key"): d.text for d in n.iter(self.NS + "data")}
            self.assertTrue(set(nodes[n.get("id")]) <= set(keys))
        edges = [(e.get("source"), e.get("target"), int(e.find(self.NS + "data").text)) for e in graph.iter(self.NS + "edge")]
        # The people of `people --json`, with the same counts and titles; every edge joins two of them.
        people = {p["name"]: p for p in json.loads(run("people", "--json", db=self.db, check=0).stdout)}
        by_name = {v["label"]: v for v in nodes.values()}
        self.assertEqual(set(by_name), set(people))
        zhou = by_name["周海燕"]
        self.assertEqual(int(zhou["records"]), people["周海燕"]["records"])
        self.assertEqual(zhou["titles"].split("、"), people["周海燕"]["titles"])
        self.assertEqual((zhou["first_date"], zhou["last_date"]), ("2023-05-08", "2023-05-16"))
        id_of = {v["label"]: k for k, v in nodes.items()}
        self.assertTrue(all(s in nodes and t in nodes and s != t and w >= 1 for s, t, w in edges))
        pair = {frozenset((s, t)): w for s, t, w in edges}
        self.assertEqual(pair[frozenset((id_of["周海燕"], id_of["韩雪松"]))], 2)  # as `person 周海燕` counts
        # Filters select the records; --min-weight keeps the people and drops the lighter edges.
        one = ET.fromstring(run("export", "--graph", "--from", "2023-05-16", "--to", "2023-05-16", db=self.db, check=0).stdout)
        self.assertEqual(sorted(d.text for d in one.iter(self.NS + "data") if d.get("key") == "label"), ["周海燕", "韩雪松"])
        heavy = ET.fromstring(run("export", "--graph", "--min-weight", "2", db=self.db, check=0).stdout)
        self.assertEqual(len(list(heavy.iter(self.NS + "node"))), len(nodes))
        self.assertTrue(all(int(e.find(self.NS + "data").text) >= 2 for e in heavy.iter(self.NS + "edge")))
        self.assertEqual(run("export", "--graph", "--format", "csv", db=self.db).returncode, 2)
        try:
            import networkx
        except ImportError:
            return
        g = networkx.read_graphml(path)
        self.assertEqual(g.number_of_nodes(), len(nodes))
        self.assertEqual(g.number_of_edges(), len(edges))

class Directories(ArchiveTest):
    def setUp(self):
        super().setUp()
        run("import", SAMPLE, db=self.db, check=0)

    def test_people_with_counts_dates_and_titles(self):
        people = json.loads(run("people", "--json", db=self.db, check=0).stdout)
        top = people[0]
        self.assertEqual(top["name"], "周海燕")
        self.assertEqual(top["records"], 3)
        self.assertEqual((top["first_date"], top["last_date"]), ("2023-05-08", "2023-05-16"))
        self.assertIn("开发区党工委书记", top["titles"])
        window = json.loads(run("people", "--from", "2023-05-10", "--to", "2023-05-20", "--json", db=self.db, check=0).stdout)
        self.assertEqual(sorted(p["name"] for p in window), ["周海燕", "韩雪松"])
        self.assertEqual(run("people", "--like", "不存在", db=self.db).returncode, 1)
        self.assertEqual(len(json.loads(run("people", "--limit", "2", "--json", db=self.db, check=0).stdout)), 2)

    def test_orgs_with_types(self):
        orgs = {o["name"]: o for o in json.loads(run("orgs", "--like", "大学", "--json", db=self.db, check=0).stdout)}
        self.assertEqual(orgs["江南理工大学"]["type"], "school")
        line = run("orgs", "--like", "社区", db=self.db, check=0).stdout
        self.assertIn("红枫社区", line)
        self.assertIn("community", line)


class Progress(ArchiveTest):
    def test_progress_only_on_a_terminal(self):
        import pty
        import select
        from test_robustness import corpus
        paths = corpus(self.dir, 30)
        # Not a terminal: nothing but the summaries.
        p = run("import", "-j", "1", *paths, db=self.db, check=0)
        self.assertNotIn("files", p.stderr)
        self.assertNotIn("\r", p.stdout + p.stderr)
        # Big enough bulletins that the import lasts well over the half second before progress shows.
        text = open(SAMPLE, encoding="utf-8").read()
        paths = [self.write(f"big-2023-{i + 1:02d}.txt", (text + f"\n\n第{i}期。\n") * 60) for i in range(12)]
        # A terminal on stderr: files done / total, MB/s and ETA.
        master, slave = pty.openpty()
        proc = subprocess.Popen([BIN, "--db", self.db, "import", "-j", "1", *paths],
                                stdout=subprocess.DEVNULL, stderr=slave)
        os.close(slave)
        seen = b""
        while True:
            r, _, _ = select.select([master], [], [], 60)
            if not r:
                break
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        proc.wait()
        os.close(master)
        text = seen.decode("utf-8", "replace")
        self.assertRegex(text, r"\d+/12 files")
        self.assertIn("MB/s", text)
        self.assertIn("ETA", text)


class TerminalOptions(ArchiveTest):
    def setUp(self):
        super().setUp()
        run("import", SAMPLE, db=self.db, check=0)

    def test_color_quiet_and_no_color(self):
        coloured = run("--color", "always", "search", "新能源", db=self.db, check=0).stdout
        self.assertIn("\x1b[", coloured)
        plain = run("--color", "never", "search", "新能源", db=self.db, check=0).stdout
        self.assertNotIn("\x1b[", plain)
        self.assertIn("[新能源]", plain)
        # NO_COLOR is set by run(); auto on a pipe never colours either.
        self.assertNotIn("\x1b[", run("search", "新能源", db=self.db, check=0).stdout)
        other = self.write("2023-06.txt", "标题\n\n6月2日上午，县委书记周海艳来开发区调研。\n")
        self.assertEqual(run("-q", "import", other, db=self.db, check=0).stdout, "")
        p = run("-v", "import", other, db=self.db, check=0)
        self.assertIn("MB/s", p.stderr)

    def test_loadable_extension_in_the_sqlite3_shell(self):
        shell = shutil.which("sqlite3")
        if not shell:
            self.skipTest("sqlite3 shell not installed")
        ext = os.path.join(os.path.dirname(os.path.abspath(BIN)), "libjianbao_fts")
        env = dict(os.environ)
        if subprocess.run(["nm", "-D", ext + ".so"], capture_output=True, text=True).stdout.find("__asan") >= 0:
            # The sanitizer build's extension needs the ASan runtime loaded first into the plain shell.
            libasan = subprocess.run(["gcc", "-print-file-name=libasan.so"], capture_output=True, text=True).stdout.strip()
            env.update(LD_PRELOAD=libasan, ASAN_OPTIONS="detect_leaks=0")
        out = subprocess.run([shell, self.db, f".load {ext}",
                              "SELECT count(*) FROM records_fts WHERE records_fts MATCH '\"新能源\"'"],
                             capture_output=True, text=True, env=env)
        self.assertEqual(out.stdout.strip(), "2", out.stderr)


if __name__ == "__main__":
    unittest.main()
