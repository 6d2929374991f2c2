"""Bulletins of other offices than the samples', hand-written for the project (tests/fixtures/bulletins:
a health, education, police, ecology, culture bureau's, townships', a street office's, a people's
congress's, an organisation department's, a group company's, a development zone's, a county
government's, a high-tech zone's, an emergency bureau's, a CPPCC's, an agriculture bureau's, a SASAC's, a development bureau's pasted from a PDF, a civilisation office's, an audit bureau's, a zone's investment bulletin, a party office's notice, an ethnic and religious affairs bureau's, a flood-control
headquarters', a court's, a street office's with a photo column, a safety committee's pasted from a PDF, a foreign
affairs office's, a zone's with a table of contents, a market regulation bureau's, a rural work office's, a street office's with numbered columns, a group company's with a foreign visit, a people's congress's with a roll call, a town's set without blank lines, a district's across the new year, a media centre's with bylines and a photo, a county's with briefs opening with words of time, a district party office's with past posts, a district education bureau's, a county health bureau's, a water resources bureau's with a company bracketed by its city, a commerce bureau's with a foreign visitor and a credit under its briefs, a town's party-building bulletin in Chinese numerals with dispatched village secretaries, a district education bureau's with a prize roster, a county health bureau's pasted from a PDF with a CDC, a development zone's with a foreign company and its chief executive, a women's federation's with families and a roster of trainees, a county government office's named by its issuer line; UTF-8 (LF and CRLF), GB18030, GBK, UTF-16 and Big5), parsed by the real binary and compared with their checked reading
(expected.json): masthead and colophon, every record's kind, section, title, paragraph count and
date, and its people with their titles. A change in how any of them is read fails here, where
the unit tests check each rule alone."""
import json
import os
import unittest

from jb import SOURCE, run

DIR = os.path.join(SOURCE, "tests", "fixtures", "bulletins")


class HandWrittenBulletins(unittest.TestCase):
    def test_each_reads_as_checked(self):
        with open(os.path.join(DIR, "expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        self.assertGreaterEqual(len(expected), 53)
        for name, want in expected.items():
            with self.subTest(bulletin=name):
                recs = json.loads(run("parse", os.path.join(DIR, name), check=0).stdout)
                self.assertEqual(recs[0]["bulletin"]["masthead"], want["masthead"])
                self.assertEqual(recs[0]["bulletin"]["colophon"], want["colophon"])
                self.assertEqual(recs[0]["bulletin"]["issued"], want["issued"])
                got = [{"kind": r["kind"], "section": r["section"], "title": r["title"],
                        "paragraphs": len(r["paragraphs"]), "date": r["date"],
                        "people": {p["name"]: p["titles"] for p in r["people"]}} for r in recs]
                self.assertEqual(got, want["records"])


if __name__ == "__main__":
    unittest.main()
