#!/usr/bin/env python3
"""Write provision texts into provisions/*.toml from ../shared/reference, verbatim.

This is how the statutory text in the bundled corpus was made: copied by program from the
reference files, never typed. It prints TOML `[[provision]]` blocks (label, heading, chapter,
text) for the articles asked for; annotations (norms, quotes) are added by hand below each
block afterwards, and `tests/corpus.rs` checks every text and quote against the reference
again, so a hand edit that changes the wording fails the tests.

Usage:
    scripts/import_reference.py gdpr [ART ...]          # eu-gdpr.en.txt (all 99 if none given)
    scripts/import_reference.py gdpr-recitals 51 90 91
    scripts/import_reference.py pipl [ART ...]           # cn-pipl-2021 zh + en (all 74)
    scripts/import_reference.py constitution 33 37 ...  # cn-constitution-2018.zh.txt
"""

import re
import sys
from pathlib import Path

REF = Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / "fulltext"
def body(path):
    return [l.rstrip("\n") for l in path.read_text(encoding="utf-8").splitlines()
            if not l.startswith("# ")]


def literal(s):
    assert "'''" not in s
    return "'''\n" + s + "'''" if "\n" in s else "'" + s + "'" if "'" not in s else '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def ml(s):
    assert "'''" not in s
    return "'''\n" + s + "'''"


def gdpr_articles():
    lines = body(REF / "eu-gdpr.en.txt")
    arts, chapter, i = {}, [], 0
    while i < len(lines):
        l = lines[i]
        if ROMAN.match(l):
            chapter = [f"Chapter {l.split()[1]} {lines[i + 1]}"]
            i += 2
            continue
        m = re.match(r"^Section (\d+)$", l)
        if m:
            chapter = chapter[:1] + [f"Section {m.group(1)} {lines[i + 1]}"]
            i += 2
            continue
        m = re.match(r"^Article (\d+)$", l)
        if m:
            n = int(m.group(1))
            heading = lines[i + 1]
            j = i + 2
            text = []
            while j < len(lines) and lines[j] != "" and not re.match(r"^Article \d+$", lines[j]):
                text.append(lines[j])
                j += 1
            arts[n] = (heading, list(chapter), "\n".join(text) + "\n")
            i = j
            continue
        i += 1
    return arts


def print_gdpr(nums):
    arts = gdpr_articles()
    for n in nums or sorted(arts):
        heading, chapter, text = arts[n]
        print(f"[[provision]]\nid = \"art-{n}\"\nlabel.en = \"Article {n}\"\n"
              f"heading.en = {literal(heading)}\nchapter = [{', '.join(literal(c) for c in chapter)}]\n"
              f"text.en = {ml(text)}\n")


def print_recitals(nums):
    lines = body(REF / "eu-gdpr-recitals.en.txt")
    for n in nums:
        line = next(l for l in lines if l.startswith(f"({n}) "))
        text = line[len(f"({n}) "):]
        print(f"[[provision]]\nid = \"recital-{n}\"\nlabel.en = \"Recital {n}\"\n"
              f"chapter = [\"Recitals\"]\ntext.en = {ml(text + chr(10))}\n")


def zh_articles(path):
    lines = body(path)
    # The reference texts are complete and in order, so the n-th 第…条 is article n. The
    # numeral itself is not converted here: the crate's loader converts every label
    # (lexgap::model::article_number_of_label) and rejects one that disagrees with the id.
    arts, chapter, cur, n = {}, [], None, 0
    for l in lines:
        m = re.match(r"^第([一二三四五六七八九十百千零〇两]+)条\s*(.*)$", l)
        if m:
            n += 1
            cur = n
            arts[cur] = (f"第{m.group(1)}条", list(chapter), [m.group(2)])
            continue
        m = re.match(r"^第[一二三四五六七八九十]+章", l)
        if m:
            chapter, cur = [l], None
            continue
        if re.match(r"^第[一二三四五六七八九十]+节", l):
            chapter, cur = chapter[:1] + [l], None
            continue
        if cur is not None and l.strip():
            arts[cur][2].append(l)
    return {n: (label, ch, "\n".join(t) + "\n") for n, (label, ch, t) in arts.items()}


def en_pipl_articles():
    lines = body(REF / "cn-pipl-2021.en.txt")
    arts, cur = {}, None
    for i, l in enumerate(lines):
        m = re.match(r"^Article (\d+) (.*)$", l)
        if m:
            cur = int(m.group(1))
            arts[cur] = [m.group(2)]
            continue
        if re.match(r"^(Chapter [IVXLC]+|Section \d+)$", l) or (
                i > 0 and re.match(r"^(Chapter [IVXLC]+|Section \d+)$", lines[i - 1])):
            cur = None
            continue
        if cur is not None and l.strip():
            arts[cur].append(l)
    return {n: "\n".join(t) + "\n" for n, t in arts.items()}


def print_pipl(nums):
    zh = zh_articles(REF / "cn-pipl-2021.zh.txt")
    en = en_pipl_articles()
    for n in nums or sorted(zh):
        label, chapter, text = zh[n]
        print(f"[[provision]]\nid = \"art-{n}\"\nlabel = {{ zh = \"{label}\", en = \"Article {n}\" }}\n"
              f"chapter = [{', '.join(literal(c) for c in chapter)}]\n"
              f"text.zh = {ml(text)}\ntext.en = {ml(en[n])}\n")


def print_constitution(nums):
    zh = zh_articles(REF / "cn-constitution-2018.zh.txt")
    for n in nums:
        label, chapter, text = zh[n]
        print(f"[[provision]]\nid = \"art-{n}\"\nlabel = {{ zh = \"{label}\", en = \"Article {n}\" }}\n"
              f"chapter = [{', '.join(literal(c) for c in chapter)}]\ntext.zh = {ml(text)}\n")


if __name__ == "__main__":
    what, nums = sys.argv[1], [int(a) for a in sys.argv[2:]]
    {"gdpr": print_gdpr, "gdpr-recitals": print_recitals, "pipl": print_pipl,
     "constitution": print_constitution}[what](nums)
