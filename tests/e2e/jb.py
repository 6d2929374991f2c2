"""Shared helpers for the end-to-end tests: run the real binary on real files."""
import json
import os
import sqlite3
import subprocess
import tempfile
import unittest

BIN = os.environ.get("JIANBAO_BIN", os.path.join(os.path.dirname(__file__), "..", "..", "build", "jianbao"))
SOURCE = os.environ.get("JIANBAO_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED = os.environ.get("JIANBAO_SHARED_DIR", os.path.join(SOURCE, "..", "shared"))
SAMPLE = os.path.join(SOURCE, "data", "sample", "qingxi-2023-05.txt")
SAMPLE_GOLD = os.path.join(SOURCE, "tests", "fixtures", "qingxi-gold.json")
SEED = os.path.join(SHARED, "seed", "kaifaqu-2021-12.txt")
SEED_GOLD = os.path.join(SHARED, "seed", "gold.json")
SCORE = os.path.join(SHARED, "tools", "score.py")
HAVE_SHARED = os.path.exists(SEED)


def run(*args, db=None, check=None, stdin=None, env=None):
    """Runs jianbao; returns CompletedProcess with text stdout/stderr."""
    e = dict(os.environ)
    e.pop("JIANBAO_DB", None)
    e["NO_COLOR"] = "1"
    if env:
        e.update(env)
    cmd = [BIN] + (["--db", db] if db else []) + [str(a) for a in args]
    p = subprocess.run(cmd, capture_output=True, text=True, env=e, input=stdin, timeout=300)
    if check is not None and p.returncode != check:
        raise AssertionError(f"{cmd} exited {p.returncode}, expected {check}\nstdout: {p.stdout}\nstderr: {p.stderr}")
    return p


def dump(db):
    """Every row of every table, to compare an archive before and after a command."""
    if not os.path.exists(db):
        return None
    con = sqlite3.connect(db)
    try:
        # The FTS5 table needs jianbao's tokenizer to be read; its shadow tables hold the index rows.
        out = []
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]
        for t in tables:
            out.append(t)
            out.extend(repr(r) for r in con.execute(f'SELECT * FROM "{t}" ORDER BY 1'))
        out.append(repr(con.execute("PRAGMA user_version").fetchone()))
        return "\n".join(out)
    finally:
        con.close()


class ArchiveTest(unittest.TestCase):
    """Each test gets its own temporary directory and archive path."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.db = os.path.join(self.dir, "archive.db")

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def parse_json(self, *args):
        p = run("parse", *args, check=0)
        return json.loads(p.stdout)
