#!/usr/bin/env python3
"""Write provision texts from ../shared/reference/texts/*.md (per-article extracts), verbatim.

The companion of import_reference.py (which reads the complete texts in fulltext/). Each
extract file quotes the source in Markdown block quotes (`> ...`), one paragraph or point per
quoted line, with empty `>` lines between them. This script takes the block quote that follows
a given heading or marker, drops the `>` marks and the empty lines, strips a leading label
("Article 12", "第一千零三十四条") where the source repeats it, and prints TOML `[[provision]]`
blocks (id, label, heading, text). Nothing else is changed: no wording, no punctuation.

Norms are added by hand below each block afterwards; tests/corpus.rs checks every line of every
text and every quote against the reference files again.

Usage:
    scripts/import_texts.py ai-act             # eu-ai-act.md: arts. 3 (extract), 5 (extract), 27
    scripts/import_texts.py udhr               # intl-udhr-iccpr.md: UDHR art. 12
    scripts/import_texts.py iccpr              # intl-udhr-iccpr.md: ICCPR art. 17
    scripts/import_texts.py us-constitution    # us-constitution-4th-amendment.md
    scripts/import_texts.py civil-code         # cn-civil-code-privacy.md: arts. 1032-1039
    scripts/import_texts.py constitution-en    # cn-constitution.md: the English translations
"""

import re
import sys
from pathlib import Path

TEXTS = Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / "texts"


def read(name):
    return (TEXTS / name).read_text(encoding="utf-8")


def section(md, heading_re):
    """The text under the first heading matching `heading_re`, up to the next heading of the
    same or a higher level."""
    m = re.search(heading_re, md, re.M)
    assert m, heading_re
    level = len(m.group(0)) - len(m.group(0).lstrip("#"))
    rest = md[m.end():]
    nxt = re.search(r"^#{1,%d} " % level, rest, re.M)
    return rest[: nxt.start()] if nxt else rest


def quote(sec, after=None):
    """The lines of the first block quote in `sec` (after the marker `after`, if given)."""
    if after is not None:
        assert after in sec, after
        sec = sec[sec.index(after) + len(after):]
    out, started = [], False
    for line in sec.splitlines():
        if line.startswith(">"):
            started = True
            t = line[1:].strip()
            if t:
                out.append(t)
        elif started:
            break
    assert out, "no block quote found"
    return out


def strip_label(lines, label):
    """Drops a leading label that the source repeats: a line of its own, or a prefix."""
    if lines[0] == label:
        return lines[1:]
    assert lines[0].startswith(label + " "), (lines[0][:40], label)
    return [lines[0][len(label) + 1:]] + lines[1:]


def ml(lines):
    s = "\n".join(lines) + "\n"
    assert "'''" not in s
    return "'''\n" + s + "'''"


def block(pid, label, texts, heading=None):
    out = [f"[[provision]]", f'id = "{pid}"']
    if isinstance(label, dict):
        out.append("label = { " + ", ".join(f'{k} = "{v}"' for k, v in label.items()) + " }")
    else:
        out.append(f'label.en = "{label}"')
    if heading:
        out.append(f"heading.en = '{heading}'")
    for lang, lines in texts.items():
        out.append(f"text.{lang} = {ml(lines)}")
    print("\n".join(out) + "\n")


def ai_act():
    md = read("eu-ai-act.md")
    block("art-3", "Article 3", {"en": quote(section(md, r"^## Article 3 "))}, "Definitions")
    block("art-5", "Article 5", {"en": quote(section(md, r"^## Article 5 "))}, "Prohibited AI practices")
    block("art-27", "Article 27", {"en": quote(section(md, r"^## Article 27 "))},
          "Fundamental rights impact assessment for high-risk AI systems")


def udhr():
    sec = section(read("intl-udhr-iccpr.md"), r"^## UDHR — Article 12")
    block("art-12", "Article 12", {"en": strip_label(quote(sec), "Article 12")})


def iccpr():
    sec = section(read("intl-udhr-iccpr.md"), r"^## ICCPR — Article 17")
    block("art-17", "Article 17", {"en": strip_label(quote(sec), "Article 17")})


def us_constitution():
    sec = section(read("us-constitution-4th-amendment.md"), r"^## Amendment IV")
    block("amendment-4", "Amendment IV", {"en": quote(sec)})


ZH = "零一二三四五六七八九"


def zh_numeral(n):
    """Writes 1032 as 一千零三十二 (only used to find headings in the extract)."""
    q, h, t, o = n // 1000, n // 100 % 10, n // 10 % 10, n % 10
    s = ""
    if q:
        s += ZH[q] + "千"
    if h:
        s += ZH[h] + "百"
    elif q and (t or o):
        s += "零"
    if t:
        s += ("" if n < 20 else ZH[t]) + "十"
    if o:
        s += ZH[o]
    return s


def civil_code():
    md = read("cn-civil-code-privacy.md")
    for n in range(1032, 1040):
        zh_label = f"第{zh_numeral(n)}条"
        sec = section(md, rf"^## {zh_label}$")
        texts = {"zh": strip_label(quote(sec, "**Chinese (authentic):**"), zh_label)}
        # Only art. 1034 has a complete English text in the extract; art. 1035's is cut off
        # after item (2) and is left out (the instrument's `coverage` says so).
        if n == 1034:
            texts["en"] = strip_label(quote(sec, "**English (bilingual page neixun.cn"), f"Article {n}")
        block(f"art-{n}", {"zh": zh_label, "en": f"Article {n}"}, texts)


def constitution_en():
    """The English texts only (the Chinese comes from fulltext/ via import_reference.py):
    translation (A), the official 2018 NPC one, where the extract has a whole article (art. 33),
    and translation (B), the older one, for arts. 37-40 and 51. Art. 41 has no whole English
    text in the extract and is left out."""
    md = read("cn-constitution.md")
    sec = section(md, r"^### Article 33 ")
    print("# en-x-npc2018, art. 33")
    print("text.en-x-npc2018 = " + ml(strip_label(quote(sec, "**English (A) — official NPC translation of the 2018 text:**"), "Article 33")) + "\n")
    for n in (37, 38, 39, 40, 51):
        sec = section(md, rf"^### Article {n} ")
        print(f"# en, art. {n}")
        print("text.en = " + ml(strip_label(quote(sec, "**English (B):**"), f"Article {n}")) + "\n")


if __name__ == "__main__":
    {"ai-act": ai_act, "udhr": udhr, "iccpr": iccpr, "us-constitution": us_constitution,
     "civil-code": civil_code, "constitution-en": constitution_en}[sys.argv[1]]()
