"""Crash safety, concurrency and determinism: the archive is all or nothing per bulletin, whatever
happens to the process, and the same whatever the thread count."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import threading
import time
import unittest

from jb import BIN, SAMPLE, ArchiveTest, dump, run


def corpus(directory, n):
    """n distinct bulletins made from the sample: each gets its own month and a numbered note."""
    text = open(SAMPLE, encoding="utf-8").read()
    paths = []
    for i in range(n):
        month = 1 + i % 12
        body = text.replace("5月", f"{month}月") + f"\n\n第{i}号附记：本期共刊发稿件{i % 7 + 3}篇。\n"
        path = os.path.join(directory, f"bulletin-{2000 + i // 12}-{month:02d}-{i:04d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
        paths.append(path)
    return paths


def archive_rows(db):
    """The archive's content without ids that depend on insertion timing."""
    con = sqlite3.connect(db)
    try:
        return {
            "bulletins": con.execute("SELECT sha256, source FROM bulletins ORDER BY id").fetchall(),
            "records": con.execute("SELECT bulletin_id, seq, title, date, body FROM records ORDER BY id").fetchall(),
            "people": con.execute("SELECT id, name FROM people ORDER BY id").fetchall(),
        }
    finally:
        con.close()


class Determinism(ArchiveTest):
    def test_same_archive_whatever_the_thread_count(self):
        paths = corpus(self.dir, 24)
        one, two = os.path.join(self.dir, "one.db"), os.path.join(self.dir, "two.db")
        run("import", "-j", "1", *paths, db=one, check=0)
        run("import", "-j", "4", *paths, db=two, check=0)
        self.assertEqual(archive_rows(one), archive_rows(two))
        e1 = run("export", db=one, check=0).stdout
        e2 = run("export", db=two, check=0).stdout
        self.assertEqual(e1, e2)

    def test_reimport_changes_nothing(self):
        paths = corpus(self.dir, 6)
        run("import", *paths, db=self.db, check=0)
        before = dump(self.db)
        p = run("import", *reversed(paths), db=self.db, check=0)
        self.assertEqual(p.stdout.count("already imported"), 6)
        self.assertEqual(before, dump(self.db))


class KillNine(ArchiveTest):
    def test_kill_during_import_leaves_whole_bulletins(self):
        paths = corpus(self.dir, 300)
        rng = random.Random(7)
        for attempt in range(3):
            proc = subprocess.Popen([BIN, "--db", self.db, "import", *paths], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.3, 1.5))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            if not os.path.exists(self.db):
                continue
            self.assertIn("ok", run("check", db=self.db, check=0).stdout)
            con = sqlite3.connect(self.db)
            # Every stored bulletin is whole: all its records (the sample's 9 plus the note).
            partial = con.execute("SELECT b.id, count(r.id) FROM bulletins b LEFT JOIN records r "
                                  "ON r.bulletin_id = b.id GROUP BY b.id HAVING count(r.id) != 10").fetchall()
            con.close()
            self.assertEqual(partial, [], f"attempt {attempt}")
        run("import", *paths, db=self.db, check=0)
        stats = json.loads(run("stats", "--json", db=self.db, check=0).stdout)
        self.assertEqual(stats["bulletins"], 300)
        self.assertEqual(stats["records"], 3000)
        self.assertIn("ok", run("check", db=self.db, check=0).stdout)


class Concurrency(ArchiveTest):
    def test_four_importers_and_four_searchers(self):
        paths = corpus(self.dir, 40)
        run("import", paths[0], db=self.db, check=0)
        groups = [paths[i::4] for i in range(4)]
        results = []

        def importer(group):
            results.append(("import", run("import", "-j", "1", *group, db=self.db)))

        def searcher():
            for _ in range(10):
                p = run("search", "开发区", "--limit", "5", db=self.db)
                results.append(("search", p))

        threads = [threading.Thread(target=importer, args=(g,)) for g in groups]
        threads += [threading.Thread(target=searcher) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for kind, p in results:
            self.assertEqual(p.returncode, 0, f"{kind}: {p.stderr}")
            self.assertNotIn("locked", p.stderr)
        stats = json.loads(run("stats", "--json", db=self.db, check=0).stdout)
        self.assertEqual(stats["bulletins"], 40)
        self.assertEqual(stats["records"], 400)


class ArchiveFiles(ArchiveTest):
    def test_not_an_archive(self):
        bad = self.write("notes.db", "这不是数据库" * 200)
        for args in (["search", "开发区"], ["import", SAMPLE], ["stats"]):
            p = run(*args, db=bad)
            self.assertNotEqual(p.returncode, 0)
            self.assertTrue(p.stderr.startswith("jianbao: "), p.stderr)
            self.assertIn("notes.db", p.stderr)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)

    def test_newer_archive_is_refused(self):
        run("import", SAMPLE, db=self.db, check=0)
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA user_version = 99")
        con.commit()
        con.close()
        p = run("search", "开发区", db=self.db)
        self.assertEqual(p.returncode, 4)
        self.assertIn("newer", p.stderr)

    def test_read_only_archive_serves_queries(self):
        run("import", SAMPLE, db=self.db, check=0)
        os.chmod(self.db, 0o444)
        try:
            if os.access(self.db, os.W_OK):
                self.skipTest("running as root: file permissions are not enforced")
            self.assertEqual(run("search", "开发区", db=self.db).returncode, 0)
            self.assertEqual(run("person", "周海燕", db=self.db).returncode, 0)
            self.assertEqual(run("export", db=self.db).returncode, 0)
            p = run("import", self.write("x-2023-07.txt", "标题\n\n7月1日，测试。\n"), db=self.db)
            self.assertNotEqual(p.returncode, 0)
            self.assertIn("read-only", p.stderr)
        finally:
            os.chmod(self.db, 0o644)


if __name__ == "__main__":
    unittest.main()
