"""Crash safety, concurrency and determinism: the archive is all or nothing per bulletin, whatever
happens to the process, and the same whatever the thread count."""
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import threading
import time
import unittest

from jb import BIN, SAMPLE, SOURCE, ArchiveTest, dump, run


def corpus(directory, n, small=False):
    """n distinct bulletins made from the sample: each gets its own month and a numbered note.
    small: only the sample's second article (title and two paragraphs), a quick import each, so
    1,000 fit in a test."""
    with open(SAMPLE, encoding="utf-8") as f:
        text = f.read()
    if small:
        text = "\n\n".join(text.strip().split("\n\n")[5:8])  # 周海燕主持召开开发区安全生产工作会议
    paths = []
    for i in range(n):
        month = 1 + i % 12
        body = text.replace("5月", f"{month}月") + f"\n\n第{i}号附记：本期共刊发稿件{i % 7 + 3}篇。\n"
        name = f"{'small' if small else 'bulletin'}-{2000 + i // 12}-{month:02d}-{i:04d}.txt"
        path = os.path.join(directory, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
        paths.append(path)
    return paths


def bulletin_count(db):
    """Bulletins committed so far, read while an importer may be writing (WAL: readers never block it)."""
    if not os.path.exists(db):
        return 0
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return con.execute("SELECT count(*) FROM bulletins").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not created yet
        return 0
    finally:
        con.close()


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
    N = 1000

    def test_kill_during_import_leaves_whole_bulletins(self):
        paths = corpus(self.dir, self.N, small=True)
        per_bulletin = len(json.loads(run("parse", paths[0], check=0).stdout))
        rng = random.Random(7)
        # Three kills, each once the archive holds a random number of bulletins in its own third
        # of the run, so every kill lands mid-import whatever the machine's speed; the poll
        # interval adds a random phase within the commit cycle.
        targets = [rng.randint(20, 300), rng.randint(350, 600), rng.randint(650, 880)]
        for attempt, target in enumerate(targets):
            proc = subprocess.Popen([BIN, "--db", self.db, "import", *paths], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 120
            while bulletin_count(self.db) < target and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(rng.uniform(0.002, 0.02))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            self.assertEqual(proc.returncode, -signal.SIGKILL, f"attempt {attempt}: the import ended before the kill")
            self.assertIn("ok", run("check", db=self.db, check=0).stdout)
            con = sqlite3.connect(self.db)
            # Every stored bulletin is whole: all its records, each with its index row.
            partial = con.execute("SELECT b.id, count(r.id) FROM bulletins b LEFT JOIN records r "
                                  "ON r.bulletin_id = b.id GROUP BY b.id HAVING count(r.id) != ?",
                                  (per_bulletin,)).fetchall()
            count = con.execute("SELECT count(*) FROM bulletins").fetchone()[0]
            con.close()
            self.assertEqual(partial, [], f"attempt {attempt}")
            self.assertGreaterEqual(count, target, f"attempt {attempt}")
            self.assertLess(count, self.N, f"attempt {attempt}")
        p = run("import", *paths, db=self.db, check=0)
        self.assertEqual(p.stdout.count("already imported"), count)
        stats = json.loads(run("stats", "--json", db=self.db, check=0).stdout)
        self.assertEqual(stats["bulletins"], self.N)
        self.assertEqual(stats["records"], self.N * per_bulletin)
        self.assertIn("ok", run("check", db=self.db, check=0).stdout)
        con = sqlite3.connect(self.db)
        dupes = con.execute("SELECT count(*) FROM (SELECT text_sha256 FROM bulletins GROUP BY 1 HAVING count(*) > 1)")
        self.assertEqual(dupes.fetchone()[0], 0)
        con.close()


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



NOBODY = 65534


def unprivileged():
    """The prefix that runs a command without the right to write other users' files: nothing for an
    ordinary user (permissions already apply), setpriv to `nobody` for root, whom they do not stop
    (CI runs as root). None when neither works."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        return None
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class Unprivileged(ArchiveTest):
    """Runs the real binary as a user who may read but not write the test's files."""

    def setUp(self):
        super().setUp()
        self.prefix = unprivileged()
        if self.prefix is None:
            self.skipTest("running as root without setpriv: cannot drop privileges")
        os.chmod(self.dir, 0o755)  # TemporaryDirectory makes it 0700; `nobody` must enter it
        self.bin = os.path.abspath(BIN)
        if self.prefix and subprocess.run(self.prefix + [self.bin, "--version"], capture_output=True).returncode != 0:
            # The build tree is not readable by `nobody` (a checkout under /root): use a copy laid
            # out as installed, so the binary finds its lexicons beside it.
            root = os.path.join(self.dir, "inst")
            os.makedirs(os.path.join(root, "bin"))
            self.bin = shutil.copy(BIN, os.path.join(root, "bin", "jianbao"))
            shutil.copytree(os.path.join(SOURCE, "data", "lexicon"), os.path.join(root, "share", "jianbao", "lexicon"))
            for d, _, files in os.walk(root):
                os.chmod(d, 0o755)
                for f in files:
                    os.chmod(os.path.join(d, f), 0o755)

    def tearDown(self):
        self.doCleanups()  # give back write bits before the directory is removed
        super().tearDown()

    def run_unprivileged(self, *args, db):
        e = dict(os.environ)
        e.pop("JIANBAO_DB", None)
        e["NO_COLOR"] = "1"
        cmd = self.prefix + [self.bin, "--db", db] + [str(a) for a in args]
        return subprocess.run(cmd, capture_output=True, text=True, env=e, timeout=300, cwd=self.dir)

    def make_read_only(self, *paths):
        """Read-only for the unprivileged user: root's files are already (0644/0755); an ordinary
        user's own files lose their write bits (restored in tearDown, so cleanup works)."""
        if self.prefix:
            return
        for path in paths:
            mode = stat.S_IMODE(os.stat(path).st_mode)
            self.addCleanup(os.chmod, path, mode)
            os.chmod(path, mode & ~0o222)


class ReadOnlyArchive(Unprivileged):
    """A WAL archive whose file and directory cannot be written (so no -shm/-wal can be made)."""

    def setUp(self):
        super().setUp()
        # URI-special characters in the path: the immutable fallback opens it through a file: URI.
        self.ro = os.path.join(self.dir, "只读 a?b%41#c")
        os.mkdir(self.ro)
        os.chmod(self.ro, 0o755)
        self.db = os.path.join(self.ro, "archive.db")
        run("import", SAMPLE, db=self.db, check=0)
        self.assertEqual(os.listdir(self.ro), ["archive.db"])  # -wal and -shm go on a clean close
        self.make_read_only(self.db, self.ro)
        self.before = sha256_file(self.db)

    def tearDown(self):
        # Nothing was written, and SQLite left no file beside the archive.
        self.assertEqual(sha256_file(self.db), self.before)
        self.assertEqual(os.listdir(self.ro), ["archive.db"])
        super().tearDown()

    def test_queries_work(self):
        p = self.run_unprivileged("search", "开发区", db=self.db)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("沈立平到开发区调研新能源产业发展", p.stdout)
        p = self.run_unprivileged("show", "1", "--json", db=self.db)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["title"], "沈立平到开发区调研新能源产业发展")
        p = self.run_unprivileged("person", "周海燕", db=self.db)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.startswith("周海燕: 3 records"), p.stdout)
        p = self.run_unprivileged("export", "--format", "ndjson", db=self.db)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len([json.loads(line) for line in p.stdout.splitlines()]), 9)
        p = self.run_unprivileged("stats", "--json", db=self.db)
        self.assertEqual(json.loads(p.stdout)["records"], 9)
        # check verifies what it can; FTS5's integrity-check is a write, so it says it could not run it.
        p = self.run_unprivileged("check", db=self.db)
        self.assertEqual(p.stdout.splitlines(), ["problem: full-text index: not verified (the archive is read-only)"])

    def test_import_says_why_it_cannot_write(self):
        new = self.write("x-2023-07.txt", "开发区召开会议\n\n7月1日上午，开发区召开工作会议。\n")
        os.chmod(new, 0o644)
        p = self.run_unprivileged("import", new, db=self.db)
        self.assertEqual(p.returncode, 4, p.stderr)
        lines = p.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, p.stderr)
        self.assertTrue(lines[0].startswith(f"jianbao: {self.db}: cannot write to the archive: it is read-only ("),
                        lines[0])
        self.assertIn("writable", lines[0])
        p = self.run_unprivileged("remove", "1", db=self.db)
        self.assertEqual(p.returncode, 4, p.stderr)


class ReadOnlyArchiveWithJournal(Unprivileged):
    def test_committed_changes_in_the_wal_are_not_ignored(self):
        # A copy taken while the -wal held uncheckpointed commits: it has the only copy of the
        # second bulletin, and there is no -shm. Reading the file alone would silently miss
        # it, so a reader who cannot write the directory gets a clear error instead.
        src = os.path.join(self.dir, "live.db")
        run("import", SAMPLE, db=src, check=0)
        # An open connection keeps the importer's close from checkpointing the second bulletin.
        holder = sqlite3.connect(src)
        holder.execute("SELECT count(*) FROM bulletins").fetchone()
        second = corpus(self.dir, 1, small=True)[0]
        run("import", second, db=src, check=0)
        ro = os.path.join(self.dir, "ro")
        os.mkdir(ro)
        os.chmod(ro, 0o755)
        db = os.path.join(ro, "archive.db")
        shutil.copy(src, db)
        shutil.copy(src + "-wal", db + "-wal")
        holder.close()
        self.assertGreater(os.path.getsize(db + "-wal"), 0)
        self.make_read_only(db, db + "-wal", ro)
        p = self.run_unprivileged("stats", db=db)
        self.assertEqual(p.returncode, 4, p.stdout)
        self.assertEqual(p.stderr.strip().splitlines(), [
            f"jianbao: {db}: cannot read archive: its -wal journal holds changes that only a user who can write "
            "the archive's directory can apply (run jianbao check as that user)"])
        # As a user who can write the directory, the changes are applied and the bulletin is there.
        self.doCleanups()
        self.assertIn("ok (2 bulletins", run("check", db=db).stdout)


class UnwritableDirectory(Unprivileged):
    def test_import_names_the_directory(self):
        # The archive file is the user's own and writable, its directory is not: SQLite cannot
        # create the -wal journal, and the message says so.
        ro = os.path.join(self.dir, "ro")
        os.mkdir(ro)
        os.chmod(ro, 0o755)
        db = os.path.join(ro, "archive.db")
        run("import", SAMPLE, db=db, check=0)
        if self.prefix:
            os.chown(db, NOBODY, NOBODY)
        else:
            self.make_read_only(ro)
        before = sha256_file(db)
        new = self.write("x-2023-07.txt", "开发区召开会议\n\n7月1日上午，开发区召开工作会议。\n")
        os.chmod(new, 0o644)
        p = self.run_unprivileged("import", new, db=db)
        self.assertEqual(p.returncode, 4, p.stderr)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        self.assertIn("its directory is not writable", p.stderr)
        self.assertEqual(sha256_file(db), before)
        self.assertEqual(self.run_unprivileged("search", "开发区", db=db).returncode, 0)


class UnreadableFile(Unprivileged):
    def test_unreadable_file_is_named_and_the_others_import(self):
        work = os.path.join(self.dir, "work")
        os.mkdir(work)
        os.chmod(work, 0o777)  # the unprivileged user creates the archive here
        good = os.path.join(work, "good-2023-05.txt")
        shutil.copy(SAMPLE, good)
        os.chmod(good, 0o644)
        secret = os.path.join(work, "secret-2023-06.txt")
        with open(secret, "w", encoding="utf-8") as f:
            f.write("开发区召开会议\n\n6月1日上午，开发区召开工作会议。\n")
        os.chmod(secret, 0o600 if self.prefix else 0o000)  # root's own, or nobody's at all
        db = os.path.join(work, "archive.db")
        p = self.run_unprivileged("import", secret, good, db=db)
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertEqual(p.stderr.strip().splitlines(), [f"jianbao: {secret}: cannot read (permission denied?)"])
        self.assertIn("good-2023-05.txt: 9 records", p.stdout)
        stats = json.loads(run("stats", "--json", db=db, check=0).stdout)
        self.assertEqual(stats["bulletins"], 1)
        # Alone, it leaves the archive row for row as it was.
        before = dump(db)
        p = self.run_unprivileged("import", secret, db=db)
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertEqual(dump(db), before)


class DiskFull(ArchiveTest):
    def test_full_disk_rolls_back_the_bulletin(self):
        run("import", SAMPLE, db=self.db, check=0)
        before = dump(self.db)
        con = sqlite3.connect(self.db)
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.close()
        # A bulletin of 40 articles needs far more than the 4 pages (16 KiB) left.
        with open(SAMPLE, encoding="utf-8") as f:
            text = f.read()
        big = self.write("big-2023-06.txt", "\n\n".join(
            text.replace("5月", "6月").replace("周海燕", name) for name in ["周海燕", "钱佳怡", "林振宇", "韩雪松"] * 10
        ) + "\n\n第1号附记。\n")
        p = run("import", big, db=self.db, env={"JIANBAO_TEST_MAX_PAGE_COUNT": str(pages + 4)})
        self.assertEqual(p.returncode, 4, p.stderr)
        lines = p.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, p.stderr)
        self.assertEqual(lines[0], f"jianbao: {self.db}: cannot import {big}: the disk is full (or the archive "
                                   "reached its size limit) (rolled back, nothing of it stored)")
        self.assertNotIn("database or disk is full", p.stderr)
        # The earlier bulletin is intact, row for row, and the archive passes every check.
        self.assertEqual(dump(self.db), before)
        self.assertIn("ok (1 bulletin,", run("check", db=self.db, check=0).stdout)
        # With room again, the same file imports.
        self.assertIn("big-2023-06.txt: ", run("import", big, db=self.db, check=0).stdout)
        self.assertEqual(json.loads(run("stats", "--json", db=self.db, check=0).stdout)["bulletins"], 2)


if __name__ == "__main__":
    unittest.main()
