"""Packaging: the installed binary finds its data, and the man page and completion match --help."""
import filecmp
import os
import subprocess
import sys
import tempfile
import unittest

from jb import BIN, SAMPLE, SOURCE, ArchiveTest, run


class Docs(unittest.TestCase):
    def test_man_page_and_completion_are_generated_from_help(self):
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([sys.executable, os.path.join(SOURCE, "scripts", "gen_docs.py"), BIN, out], check=True)
            for rel in ["man/jianbao.1", "completion/jianbao"]:
                self.assertTrue(filecmp.cmp(os.path.join(out, rel), os.path.join(SOURCE, "data", rel), shallow=False),
                                f"data/{rel} is stale: run scripts/gen_docs.py build/jianbao")

    def test_every_subcommand_is_documented(self):
        man = open(os.path.join(SOURCE, "data", "man", "jianbao.1"), encoding="utf-8").read()
        for sub in ["import", "parse", "search", "show", "person", "export", "stats", "check", "remove"]:
            self.assertIn(f".SS jianbao {sub}", man)
            self.assertEqual(run(sub, "--help").returncode, 0)


class Install(ArchiveTest):
    def test_destdir_install_runs_on_the_sample(self):
        build = os.path.dirname(os.path.abspath(BIN))
        dest = os.path.join(self.dir, "root")
        subprocess.run(["cmake", "--install", build, "--prefix", "/opt/jianbao"], check=True,
                       env=dict(os.environ, DESTDIR=dest), capture_output=True)
        prefix = os.path.join(dest, "opt", "jianbao")
        for rel in ["bin/jianbao", "share/jianbao/lexicon/surnames.txt", "share/man/man1/jianbao.1",
                    "share/bash-completion/completions/jianbao"]:
            self.assertTrue(os.path.exists(os.path.join(prefix, rel)), rel)
        env = dict(os.environ)
        env.pop("JIANBAO_DATA", None)
        p = subprocess.run([os.path.join(prefix, "bin", "jianbao"), "--db", self.db, "import", SAMPLE],
                           capture_output=True, text=True, env=env)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("9 records", p.stdout)


class DebianPackage(ArchiveTest):
    def test_cpack_builds_a_deb_declaring_its_dependencies(self):
        import shutil
        if not shutil.which("dpkg-deb"):
            self.skipTest("dpkg-deb not installed")
        build = os.path.dirname(os.path.abspath(BIN))
        subprocess.run(["cpack", "-G", "DEB", "-B", self.dir, "--config", os.path.join(build, "CPackConfig.cmake")],
                       check=True, capture_output=True, cwd=build)
        debs = [f for f in os.listdir(self.dir) if f.endswith(".deb")]
        self.assertEqual(len(debs), 1, debs)
        deb = os.path.join(self.dir, debs[0])
        info = subprocess.run(["dpkg-deb", "--info", deb], capture_output=True, text=True, check=True).stdout
        self.assertIn("Depends: libicu72", info)
        files = subprocess.run(["dpkg-deb", "--contents", deb], capture_output=True, text=True, check=True).stdout
        for rel in ["bin/jianbao", "share/jianbao/lexicon/surnames.txt", "share/man/man1/jianbao.1"]:
            self.assertIn(rel, files)


if __name__ == "__main__":
    unittest.main()
