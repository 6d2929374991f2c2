"""Import, search, person, export, stats on the real sample bulletins, through the real binary."""
import json
import os
import shutil
import sqlite3
import subprocess
import unittest

import jsonschema

from jb import (HAVE_SHARED, SAMPLE, SEED, SHARED, SOURCE, ArchiveTest, dump, run)

SCHEMA = json.load(open(os.path.join(SOURCE, "tests", "fixtures", "export.schema.json"), encoding="utf-8"))


class SeedBulletin(ArchiveTest):
    def setUp(self):
        super().setUp()
        if not HAVE_SHARED:
            self.skipTest("../shared not present")
        run("import", "--issued", "2021-12", SEED, db=self.db, check=0)

    def stats(self):
        return json.loads(run("stats", "--json", db=self.db, check=0).stdout)

    def test_reimport_is_already_imported_and_changes_nothing(self):
        before = dump(self.db)
        p = run("import", "--issued", "2021-12", SEED, db=self.db, check=0)
        self.assertIn("already imported", p.stdout)
        self.assertEqual(before, dump(self.db))
        self.assertEqual(self.stats()["records"], 12)
        self.assertEqual(self.stats()["bulletins"], 1)

    def test_search_person(self):
        p = run("search", "--person", "金锋", "--json", db=self.db, check=0)
        recs = json.loads(p.stdout)
        self.assertEqual(len(recs), 6)
        for r in recs:
            self.assertIn("金锋", [x["name"] for x in r["people"]])

    def test_search_date_range(self):
        recs = json.loads(run("search", "--from", "2021-12-20", "--to", "2021-12-31", "--json",
                              db=self.db, check=0).stdout)
        dates = sorted(r["date"] for r in recs)
        self.assertEqual(dates, ["2021-12-21", "2021-12-23", "2021-12-24", "2021-12-25", "2021-12-27"])

    def test_search_text_finds_vaccination_article(self):
        recs = json.loads(run("search", "疫苗", "--json", db=self.db, check=0).stdout)
        self.assertEqual([r["title"] for r in recs], ["市领导督查开发区疫苗接种工作"])
        self.assertIn("[疫苗]", recs[0]["snippet"])
        line = run("search", "疫苗", db=self.db, check=0).stdout
        self.assertIn("市领导督查开发区疫苗接种工作", line)

    def test_search_nothing_found_exits_1(self):
        p = run("search", "量子计算机", db=self.db)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout, "")

    def test_export_validates_and_round_trips_through_jq(self):
        out = run("export", db=self.db, check=0).stdout
        recs = json.loads(out)
        self.assertEqual(len(recs), 12)
        for r in recs:
            jsonschema.validate(r, SCHEMA)
            self.assertIsInstance(r["id"], int)
        jq = shutil.which("jq")
        if jq:
            again = subprocess.run([jq, "."], input=out, capture_output=True, text=True, check=True).stdout
            self.assertEqual(json.loads(again), recs)
        nd = run("export", "--format", "ndjson", db=self.db, check=0).stdout.splitlines()
        self.assertEqual([json.loads(l) for l in nd], recs)
        path = os.path.join(self.dir, "out.json")
        run("export", "-o", path, "--kind", "brief", db=self.db, check=0)
        self.assertEqual(len(json.load(open(path, encoding="utf-8"))), 4)

    def test_person_lists_titles(self):
        out = run("person", "金锋", db=self.db, check=0).stdout
        self.assertIn("开发区党工委副书记", out)
        self.assertIn("管委会主任", out)
        rep = json.loads(run("person", "金锋", "--json", db=self.db, check=0).stdout)
        self.assertEqual(len(rep["timeline"]), 6)
        titles = {t["title"]: t for t in rep["titles"]}
        self.assertEqual(titles["开发区党工委副书记"]["first_seen"], "2021-12-09")
        self.assertEqual(titles["开发区党工委副书记"]["last_seen"], "2021-12-25")
        self.assertEqual(run("person", "不存在", db=self.db).returncode, 1)

    def test_show(self):
        rid = json.loads(run("search", "疫苗", "--json", db=self.db, check=0).stdout)[0]["id"]
        out = run("show", rid, db=self.db, check=0).stdout
        self.assertIn("郑志明", out)
        one = json.loads(run("show", rid, "--json", db=self.db, check=0).stdout)
        jsonschema.validate(one, SCHEMA)
        self.assertEqual(run("show", 99999, db=self.db).returncode, 1)


class IndexCompaction(ArchiveTest):
    """A bulk import leaves the full-text index in one segment; a small import into a larger
    archive leaves the merging to FTS5; either way every search finds the same records."""

    def segments(self):
        con = sqlite3.connect(self.db)
        try:
            return con.execute("SELECT count(DISTINCT segid) FROM records_fts_idx").fetchone()[0]
        finally:
            con.close()

    def test_bulk_import_merges_small_one_does_not(self):
        if not HAVE_SHARED:
            self.skipTest("../shared not present")
        d = os.path.join(SHARED, "eval", "bulletins-dev")
        files = sorted(os.path.join(d, f) for f in os.listdir(d))[:9]
        run("import", *files[:8], db=self.db, check=0)  # each file commits a segment of its own
        self.assertEqual(self.segments(), 1)
        before = run("search", "经济", "--json", "--limit", "0", db=self.db, check=0).stdout
        run("import", files[8], db=self.db, check=0)  # about a ninth of the records
        self.assertEqual(self.segments(), 2)
        after = json.loads(run("search", "经济", "--json", "--limit", "0", db=self.db, check=0).stdout)
        ids = {h["id"] for h in json.loads(before)}
        self.assertTrue(ids and ids <= {h["id"] for h in after})


class OwnSample(ArchiveTest):
    def test_issue_date_inferred_from_file_name(self):
        p = run("import", SAMPLE, db=self.db, check=0)
        self.assertIn("issued 2023-05", p.stdout)
        recs = json.loads(run("search", "--person", "周海燕", "--json", db=self.db, check=0).stdout)
        self.assertEqual(len(recs), 3)
        self.assertTrue(all(r["date"] is None or r["date"].startswith("2023-05") for r in recs))

    def test_no_year_known(self):
        path = self.write("bulletin.txt", open(SAMPLE, encoding="utf-8").read())
        p = run("import", path, db=self.db, check=0)
        self.assertIn("without a year", p.stdout)
        recs = json.loads(run("export", db=self.db, check=0).stdout)
        self.assertIn("--05-08", [r["date"] for r in recs])

    def test_parse_stores_nothing(self):
        recs = self.parse_json(SAMPLE)
        self.assertEqual(len(recs), 9)
        self.assertTrue(all(r["id"] is None for r in recs))
        for r in recs:
            jsonschema.validate(r, SCHEMA)
        self.assertFalse(os.path.exists(self.db))

    def test_masthead_and_colophon_are_kept_and_are_no_records(self):
        # The sample under a masthead and over a colophon: the same records, and the lines kept
        # on the bulletin, stored and exported as parsed.
        masthead = ["青溪经济开发区工作简报", "2023年第5期（总第41期）", "青溪经济开发区党政办公室　　　　2023年5月31日"]
        colophon = ["报：县委办公室、县政府办公室", "送：县直有关部门", "（共印80份）"]
        with open(SAMPLE, encoding="utf-8") as f:
            sample = f.read()
        text = "\n\n".join(masthead) + "\n━━━━━━━━━━━━━━\n" + sample + "\n━━━━━━━━━━━━━━\n" + "\n".join(colophon) + "\n"
        path = self.write("qingxi-2023-05.txt", text)
        plain = self.parse_json(SAMPLE)
        recs = self.parse_json(path)
        self.assertEqual([r["title"] for r in recs], [r["title"] for r in plain])
        self.assertEqual([r["paragraphs"] for r in recs], [r["paragraphs"] for r in plain])
        for r in recs:
            self.assertEqual(r["bulletin"]["masthead"], masthead)
            self.assertEqual(r["bulletin"]["colophon"], colophon)
            jsonschema.validate(r, SCHEMA)
        self.assertEqual(plain[0]["bulletin"]["masthead"], [])
        run("import", path, db=self.db, check=0)
        stored = [json.loads(l) for l in run("export", "--format", "ndjson", db=self.db, check=0).stdout.splitlines()]
        self.assertEqual([r["bulletin"]["masthead"] for r in stored], [masthead] * len(recs))
        self.assertEqual(stored[0]["bulletin"]["colophon"], colophon)
        out = run("show", str(stored[0]["id"]), db=self.db, check=0).stdout
        self.assertIn(" · ".join(masthead), out)

    def test_person_names_the_first_of_a_long_list_and_counts_all(self):
        # A member list: the terminal report names 12 of the others and says how many more;
        # --all and --json name every one.
        names = "丁文华、马红梅、王志强、王丽娟、方明远、石玉兰、卢国庆、叶海涛、田小燕、冯建军、刘卫东、孙秀英、李德明、杨晓峰、吴桂芳"
        path = self.write("list.txt", "县政协委员名单\n\n县政协第九届委员会委员名单（按姓氏笔画为序）：\n" + names + "\n")
        run("import", path, db=self.db, check=0)
        others = names.split("、")[1:]
        out = run("person", "丁文华", db=self.db, check=0).stdout
        self.assertIn("with " + "、".join(others[:12]) + " … (+2 more)", out)
        self.assertNotIn(others[13], out.split("Appears most with:")[0])
        full = run("person", "丁文华", "--all", db=self.db, check=0).stdout
        self.assertIn("with " + "、".join(others) + "\n", full)
        rep = json.loads(run("person", "丁文华", "--json", db=self.db, check=0).stdout)
        self.assertEqual(rep["timeline"][0]["with"], others)
        self.assertEqual([c["name"] for c in rep["companions"]], others)

class DirectoryImport(ArchiveTest):
    def test_a_directory_imports_its_txt_files_in_path_order(self):
        os.makedirs(os.path.join(self.dir, "in", "2023", ".drafts"))
        os.makedirs(os.path.join(self.dir, "in", "2021"))
        sample = open(SAMPLE, encoding="utf-8").read()
        self.write("in/2023/qingxi-2023-05.TXT", sample)
        self.write("in/2021/kaifaqu-2021-12.txt", sample.replace("沈立平", "沈立新"))
        self.write("in/2023/.drafts/draft.txt", sample.replace("沈立平", "沈草稿"))  # hidden: skipped
        self.write("in/2023/cover.png", b"\x89PNG\r\n\x1a\n")                      # not .txt: skipped
        p = run("import", os.path.join(self.dir, "in"), db=self.db, check=0)
        sources = [line.split(":")[0] for line in p.stdout.splitlines()]
        self.assertEqual([os.path.relpath(s, self.dir) for s in sources],
                         ["in/2021/kaifaqu-2021-12.txt", "in/2023/qingxi-2023-05.TXT"])
        before = dump(self.db)
        p = run("import", os.path.join(self.dir, "in"), db=self.db, check=0)
        self.assertEqual(p.stdout.count("already imported"), 2, p.stdout)
        self.assertEqual(dump(self.db), before)
        self.assertEqual(run("person", "沈草稿", db=self.db).returncode, 1)


class BadInput(ArchiveTest):
    def setUp(self):
        super().setUp()
        run("import", SAMPLE, db=self.db, check=0)
        self.before = dump(self.db)

    def assert_refused(self, path, *words):
        p = run("import", path, db=self.db)
        self.assertNotEqual(p.returncode, 0)
        lines = p.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, p.stderr)
        self.assertTrue(lines[0].startswith("jianbao: "), lines[0])
        self.assertIn(os.path.basename(path), lines[0])
        for w in words:
            self.assertIn(w, lines[0])
        self.assertEqual(self.before, dump(self.db))

    def test_invalid_utf8(self):
        text = open(SAMPLE, encoding="utf-8").read()
        head = text[:100].encode("utf-8")
        bad = head + b"\xff\xfe\xfd" + text[100:].encode("utf-8")
        self.assert_refused(self.write("broken.txt", bad), "invalid UTF-8", f"byte {len(head)}")

    def test_empty(self):
        self.assert_refused(self.write("empty.txt", b""), "empty")
        self.assert_refused(self.write("blank.txt", b"  \n\n \t\n"), "empty")

    def test_missing(self):
        self.assert_refused(os.path.join(self.dir, "nope.txt"), "no such file")

    def test_directory_without_bulletins(self):
        empty = os.path.join(self.dir, "empty")
        os.mkdir(empty)
        self.write("empty/notes.md", "不是简报")
        self.assert_refused(empty, "no .txt bulletin files", "directory")

    def test_binary(self):
        self.assert_refused(self.write("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256))), "binary")

    def test_nul_bytes(self):
        self.assert_refused(self.write("nul.txt", "标题\n\n正文\x00内容。\n".encode("utf-8")), "NUL")

    def test_two_encodings_mixed(self):
        text = open(SAMPLE, encoding="utf-8").read()
        head = text[:200].encode("utf-8")
        mixed = head + text[200:].encode("gb18030")
        self.assert_refused(self.write("mixed.txt", mixed), "invalid UTF-8", f"byte {len(head)}")

    def test_oversized_file_refused_before_reading(self):
        path = os.path.join(self.dir, "huge.txt")
        with open(path, "wb") as f:  # 200 MB, no line breaks, sparse on disk
            f.truncate(200 * 1024 * 1024)
        self.assert_refused(path, "too large")

    def test_no_recognisable_article(self):
        self.assert_refused(self.write("dots.txt", "……\n\n。。。\n"), "no recognisable article")

    def test_paths_with_spaces_and_chinese(self):
        path = self.write("开发区 简报 2023-06.txt", "周海艳调研\n\n6月2日上午，县委书记周海艳来开发区调研。\n")
        p = run("import", path, db=self.db, check=0)
        self.assertIn("开发区 简报 2023-06.txt: 1 record, 1 people, 0 organisations, 1 event", p.stdout)
        recs = json.loads(run("search", "--person", "周海艳", "--json", db=self.db, check=0).stdout)
        self.assertEqual(recs[0]["date"], "2023-06-02")

    def test_other_files_still_import(self):
        bad = self.write("empty.txt", b"")
        good = self.write("2021-12 copy.txt", open(SAMPLE, encoding="utf-8").read() + "\n附记。\n")
        p = run("import", bad, good, db=self.db)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("empty.txt", p.stderr)
        self.assertIn("2021-12 copy.txt: 9 records", p.stdout)

    def test_usage_error_exits_2(self):
        self.assertEqual(run("search", "--from", "yesterday", db=self.db).returncode, 2)
        self.assertEqual(run("frobnicate").returncode, 2)
        self.assertEqual(run("import").returncode, 2)


if __name__ == "__main__":
    unittest.main()
