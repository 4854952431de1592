#!/usr/bin/env python3
"""Write provision texts from an in-repository extract (reference/texts/*.md), verbatim.

The extracts of the laws that ../shared/reference does not hold (Singapore's PDPA, South
Africa's POPIA, the EU Law Enforcement Directive) live in `reference/texts/`, each with the
sources actually read. Each provision is a heading `### Section 4 — Application of Act` or
`### Article 10 — Processing of special categories …`, followed by the source text as
Markdown block quotes (`> ...`), one subsection or point per quoted line. This script takes the
first block quote under each requested heading, drops the `>` marks and the empty lines and a
leading section number that the source repeats ("6. (1) This Act" → "(1) This Act"), and
prints TOML `[[provision]]` blocks (id, label, heading, chapter, text). Nothing else is
changed: no wording, no punctuation. (A paragraph number such as "1. This Directive" is kept.)

tests/corpus.rs checks every text line of these instruments against the same extracts.

Section numbers may carry decimals ("### Section 10.1 — …", id `s-10.1`), and a schedule that
is divided into clauses rather than sections may be given as `### Schedule 1, clause 4.3 — …`;
pass `--kind "Schedule 1, clause"` to import those (the label is then "Schedule 1, clause 4.3").

Usage:
    scripts/import_extract.py reference/texts/sg-pdpa-2012.md s 2 4 13 14
    scripts/import_extract.py reference/texts/eu-led-2016-680.md art 1 2 10
    scripts/import_extract.py reference/texts/us-ca-ccpa.md s 1798.100 1798.199.10
    scripts/import_extract.py reference/texts/ca-pipeda.md s 2 4 7 10.1
    scripts/import_extract.py reference/texts/ca-pipeda.md sch1 --kind "Schedule 1, clause" 4.3 4.7
    scripts/import_extract.py reference/texts/au-privacy-act-1988.md app 1 3 5
"""

import re
import sys
from pathlib import Path

HEADING = re.compile(
    r"^### (Section|Article|Australian Privacy Principle|Schedule [0-9]+, clause) "
    r"([0-9]+(?:\.[0-9]+)*[A-Z]*)(?: — (.*))?$"
)

# The heading kind each id prefix reads (`--kind` overrides it); a prefix not listed takes the
# first heading with the number. `app` reads "### Australian Privacy Principle 3 — …"
# (Australia's Privacy Act 1988, Schedule 1), whose numbers repeat the section numbers of the
# same extract.
KIND_OF_PREFIX = {"s": "Section", "art": "Article", "app": "Australian Privacy Principle"}


def sections(md):
    """(kind, number, heading, chapter, lines of the first block quote) for every provision."""
    out = []
    chapter = None
    lines = md.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("## "):
            chapter = line[3:].strip()
        m = HEADING.match(line)
        if not m:
            i += 1
            continue
        kind, number, heading = m.groups()
        heading = heading or ""
        i += 1
        quoted, started = [], False
        while i < len(lines) and not lines[i].startswith("#"):
            l = lines[i]
            if l.startswith(">"):
                started = True
                t = l[1:].strip()
                if t:
                    quoted.append(t)
            elif started and l.strip():
                break
            i += 1
        out.append((kind, number, heading, chapter, quoted))
    return out


def clean_heading(h):
    h = re.sub(r"\s*\(\*\*[^)]*\)", "", h)  # "(**partial**, …)"
    h = re.sub(r"\s*— \*\*MISSING\*\*", "", h)
    h = re.sub(r"\s*\((selected definitions|extract)\)", "", h)
    return h.strip()


def strip_number(lines, number):
    """Drops the section number the source repeats before the first subsection: "6. (1) This
    Act" or "12.—(1) An organisation" become "(1) …". A paragraph number ("1. This
    Directive") is text and stays."""
    first = lines[0]
    for prefix in (f"{number}. (", f"{number}.—(", f"{number}.("):
        if first.startswith(prefix):
            return ["(" + first[len(prefix):]] + lines[1:]
    return lines


def ml(lines):
    s = "\n".join(lines) + "\n"
    assert "'''" not in s
    return "'''\n" + s + "'''"


def main():
    args = sys.argv[1:]
    kind_given = None
    if "--kind" in args:
        k = args.index("--kind")
        kind_given = args[k + 1]
        del args[k : k + 2]
    path, prefix, wanted = Path(args[0]), args[1], args[2:]
    by_number = {}
    for kind, number, heading, chapter, quoted in sections(path.read_text(encoding="utf-8")):
        by_number.setdefault((kind, number.upper()), (kind, heading, chapter, quoted))
        by_number.setdefault((None, number.upper()), (kind, heading, chapter, quoted))
    want_kind = kind_given or KIND_OF_PREFIX.get(prefix)
    for n in wanted:
        kind, heading, chapter, quoted = by_number[(want_kind, n.upper())]
        assert quoted, f"{kind} {n}: no block quote (missing in the extract?)"
        # A dotted section number keeps its dots: "10.1" gives `s-10.1`, Cal. Civ. Code
        # "1798.199.10" gives `s-1798.199.10` (provisions/README.md, "Ids").
        out = ["[[provision]]", f'id = "{prefix}-{n.lower()}"', f'label.en = "{kind} {n}"']
        h = clean_heading(heading)
        if h:
            out.append(f"heading.en = {toml_str(h)}")
        if chapter:
            out.append(f"chapter = [{toml_str(chapter)}]")
        out.append(f"text.en = {ml(strip_number(quoted, n))}")
        print("\n".join(out) + "\n")


def toml_str(s):
    return "'" + s + "'" if "'" not in s else '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    main()
