#!/usr/bin/env python3
"""Cut a consolidated federal Act from the Justice Laws XML (github justicecanada/laws-lois-xml,
`eng/acts/<chapter>.xml`) into the block-quote extract format of `reference/texts/` that
`scripts/import_extract.py` reads. Written for PIPEDA (P-8.6); prints the body of the extract
(everything below the header and source table, which are written by hand).

Wording is never changed. Layout only:
- each section becomes `### Section N — <first marginal note>`; the Part headings (level 1)
  become `## PART N — Title`; lower headings are kept as HTML comments;
- the section number is dropped from the first line; subsection, paragraph, subparagraph (and
  clause) labels are joined to their text with one space, one `>` line each; text that
  continues a subsection after its paragraphs is its own line;
- each definition (with its paragraphs) is one line; defined terms lose their bold italics;
- marginal notes of subsections, historical notes, editorial footnotes and footnote markers
  are left out; "[Repealed, …]" entries and sections printed only as "[Amendments]" are kept
  by this script (the PIPEDA extract then dropped the "[Amendments]" placeholders);
- runs of white space (including U+00A0 and U+2002) become one space;
- Schedule 1 (the first <Schedule>) becomes `### Schedule 1, clause N — Title` blocks, one
  line per clause, sub-clause (number joined to its text), lettered item and Note.

Usage:
    git --git-dir=<mirror> show <commit>:eng/acts/P-8.6.xml > P-8.6.xml
    scripts/import_justice_xml.py P-8.6.xml > body.md
"""

import re
import sys
import xml.etree.ElementTree as ET

SKIP = ("FootnoteRef", "Footnote", "HistoricalNote")
NESTED = ("Subsection", "Paragraph", "Subparagraph", "Clause", "Subclause")


def inline(e):
    """The text of an element with inline markup flattened; footnotes dropped."""
    out = [e.text or ""]
    for c in e:
        if c.tag not in SKIP:
            out.append(inline(c))
        out.append(c.tail or "")
    return "".join(out)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def label(e):
    l = e.find("Label")
    return norm(inline(l)) if l is not None else ""


def flat(e):
    """A whole element (a definition and its paragraphs) on one line."""
    parts = [label(e)]
    for c in e:
        if c.tag == "Text":
            parts.append(norm(inline(c)))
        elif c.tag in NESTED or c.tag.startswith("Continued"):
            parts.append(flat(c))
    return " ".join(p for p in parts if p)


def lines(e, top=False):
    out, first = [], True
    lab = "" if top else label(e)
    for c in e:
        if c.tag == "Text":
            t = norm(inline(c))
            out.append((lab + " " + t).strip() if first else t)
            first = False
        elif c.tag == "Definition":
            out.append(flat(c))
        elif c.tag in NESTED:
            out.extend(lines(c))
        elif c.tag.startswith("Continued"):
            out.append(norm(" ".join(lines(c, top=True))))
        elif c.tag in ("MarginalNote", "Label") + SKIP:
            pass
        else:
            raise SystemExit(f"unhandled <{c.tag}> in <{e.tag}> {lab}")
    return out


def schedule_lines(p):
    """A <Provision> of Schedule 1: a bold clause number alone joins the text of its child."""
    for c in p:
        if c.tag not in ("Text", "Label", "Provision", "Note"):
            raise SystemExit("unhandled in schedule provision: " + c.tag)
    t, lab = p.find("Text"), label(p)
    txt = norm(inline(t)) if t is not None else ""
    kids = [c for c in p if c.tag == "Provision"]
    if kids and not lab and re.fullmatch(r"[0-9.]+", txt):
        first = schedule_lines(kids[0])
        out = [txt + " " + first[0]] + first[1:]
        for k in kids[1:]:
            out.extend(schedule_lines(k))
        return out
    note = p.find("Note")
    if note is not None:
        assert t is None and not kids
        txt = norm(inline(note))
    out = [(lab + " " + txt).strip()]
    for k in kids:
        out.extend(schedule_lines(k))
    return out


def main(path):
    root = ET.parse(path).getroot()
    md = []
    for e in root.find("Body"):
        if e.tag == "Heading":
            lab = e.find("Label")
            head = (norm(inline(lab)) + " — " if lab is not None else "") + norm(
                inline(e.find("TitleText"))
            )
            md.append(f"\n## {head}\n" if e.get("level") == "1" else f"\n<!-- heading: {head} -->\n")
        elif e.tag == "Section":
            mn = e.find("MarginalNote")
            heading = norm(inline(mn)) if mn is not None else ""
            md.append(f"### Section {label(e)} — {heading}\n")
            md.extend("> " + l for l in lines(e, top=True))
            md.append("")
    sch = root.findall("Schedule")[0]
    fh = sch.find("ScheduleFormHeading")
    md.append(f"\n## {norm(inline(fh.find('Label')))} — {norm(inline(fh.find('TitleText')))}\n")
    for c in sch.find("DocumentInternal"):
        if c.tag == "GroupHeading":
            m = re.match(r"([0-9.]+) (.*)$", norm(inline(c.find("TitleText"))))
            md.append(f"\n### Schedule 1, clause {m.group(1)} — {m.group(2)}\n")
        elif c.tag == "Provision":
            md.extend("> " + l for l in schedule_lines(c))
        else:
            raise SystemExit("unhandled in schedule: " + c.tag)
    print("\n".join(md))


if __name__ == "__main__":
    main(sys.argv[1])
