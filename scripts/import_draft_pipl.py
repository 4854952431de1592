#!/usr/bin/env python3
"""Write provisions/cn/pipl-draft-2020.toml's texts from ../shared/reference/texts/cn-pipl-draft-2020.md.

Copies the first block quote under each article heading, by program. The only change is to
art. 29, whose quoting commentary marks its paragraphs （第1款） and （第2款）: the marks are
dropped and the two paragraphs put on separate lines (said in the file's `coverage`).
Norms are added by hand afterwards; tests check every text and quote against the reference.
"""
import re
from pathlib import Path

MD = (Path(__file__).resolve().parent.parent.parent / "shared/reference/texts/cn-pipl-draft-2020.md").read_text(encoding="utf-8")


def section(title_re):
    m = re.search(title_re, MD, re.M)
    start = m.end()
    nxt = re.search(r"^## ", MD[start:], re.M)
    return MD[start:start + nxt.start() if nxt else len(MD)]


def quote(sec, after=None):
    if after:
        sec = sec[sec.index(after):]
    out, started = [], False
    for line in sec.splitlines():
        if line.startswith(">"):
            started = True
            t = line[1:].strip()
            if t:
                out.append(t)
        elif started:
            break
    return out


def ml(s):
    assert "'''" not in s
    return "'''\n" + s + "\n'''"


a1 = section(r"^## Article 1 ")
a1zh = quote(a1)[0]
a1en = quote(a1, "**English — DigiChina:**")[0]
assert a1en.startswith("Article 1: ")
a1en = a1en[len("Article 1: "):]
a27 = quote(section(r"^## Article 27 "))[0]
a29 = quote(section(r"^## Article 29 "))[0]
assert a29.count("（第1款）。") == 1 and a29.endswith("（第2款）。")
a29 = a29.replace("（第1款）。", "。\n").replace("（第2款）。", "。")
a54 = quote(section(r"^## Article 54 "))
assert a54[0].startswith("第五十四条 ")
a54[0] = a54[0][len("第五十四条 "):]

print(f'''[[provision]]
id = "art-1"
label = {{ zh = "第一条", en = "Article 1" }}
text.zh = {ml(a1zh)}
text.en = {ml(a1en)}

[[provision]]
id = "art-27"
label = {{ zh = "第二十七条", en = "Article 27" }}
text.zh = {ml(a27)}

[[provision]]
id = "art-29"
label = {{ zh = "第二十九条", en = "Article 29" }}
text.zh = {ml(a29)}

[[provision]]
id = "art-54"
label = {{ zh = "第五十四条", en = "Article 54" }}
text.zh = {ml(chr(10).join(a54))}''')
