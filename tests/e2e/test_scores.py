"""The sample bulletins scored with ../shared/tools/score.py: the figures issue 2 and 3 promise."""
import json
import os
import subprocess
import sys
import unittest

from jb import HAVE_SHARED, SAMPLE, SAMPLE_GOLD, SCORE, SEED, ArchiveTest, run


def score(records_path, gold=None):
    cmd = [sys.executable, SCORE, "seed", records_path, "--json"] + (["--gold", gold] if gold else [])
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


@unittest.skipUnless(HAVE_SHARED, "../shared not present")
class Scores(ArchiveTest):
    def check(self, figures, titles_recall):
        self.assertEqual(figures["records_found"], figures["records_expected"])
        for k in ["kind_exact", "section_exact", "title_exact", "date_exact", "time_of_day_exact",
                  "paragraphs_exact", "people_precision", "people_recall", "orgs_required_recall", "events_recall"]:
            self.assertEqual(figures[k], 1.0, k)
        self.assertGreaterEqual(figures["titles_recall"], titles_recall)

    def test_seed(self):
        out = self.write("seed.json", run("parse", "--issued", "2021-12", SEED, check=0).stdout)
        self.check(score(out), 0.95)

    def test_own_sample(self):
        out = self.write("sample.json", run("parse", SAMPLE, check=0).stdout)
        self.check(score(out, SAMPLE_GOLD), 0.95)


class EntitiesOfOneRecord(ArchiveTest):
    """Names the two extractors both claim: the person wins, the place goes."""

    def test_a_person_is_no_place(self):
        path = self.write("israel.txt", "以色列总理会见客人\n\n以色列总理内塔尼亚胡６日在耶路撒冷会见了来访的美国特使罗斯。"
                                        "内塔尼亚胡表示，以色列愿意继续谈判。\n")
        rec = json.loads(run("parse", path).stdout)[0]
        people = [p["name"] for p in rec["people"]]
        places = [p["name"] for p in rec["places"]]
        self.assertIn("内塔尼亚胡", people)
        self.assertNotIn("内塔尼亚胡", places)
        for name in ("以色列", "耶路撒冷", "美国"):
            self.assertIn(name, places)


if __name__ == "__main__":
    unittest.main()
