#!/usr/bin/env python3
"""Add a language's chapter path to each article of an instrument file, from a full text.

    scripts/import_chapters.py ../shared/reference/fulltext/cn-pipl-2021.en.txt provisions/cn/pipl.toml en

The full text marks chapters and sections as the reference files do ("Chapter III" or
"Section 2" on a line of its own, the title on the following lines up to the next heading or
article) and articles as "Article N ..." at the start of a line. For each article N, the
provision `art-N` of the TOML file gets `chapter.<lang> = ["Chapter III <title>", "Section 2
<title>"]` (number and title joined by one space, a title broken over lines joined by one
space; no word changed). Its existing one-list `chapter = [...]` becomes `chapter.<other> =
[...]`, where <other> is the language of that list, given as the fourth argument (default
zh). Lines are rewritten in place; nothing else in the file changes.
"""

import re
import sys
from pathlib import Path

HEADING = re.compile(r'^(Chapter|Section) [0-9IVXLC]+$')
ARTICLE = re.compile(r'^Article (\d+)\b')


def paths(fulltext):
    """{article number: [chapter, section?]} from the full text's headings."""
    out, chapter, section = {}, None, None
    pending = None  # [kind, number, title lines]
    for line in Path(fulltext).read_text(encoding='utf-8').splitlines():
        if line.startswith('#'):
            continue
        line = line.strip()
        if HEADING.match(line):
            pending = [line, []]
            continue
        m = ARTICLE.match(line)
        if pending is not None and not m and line:
            pending[1].append(line)
            continue
        if pending is not None:
            heading = f'{pending[0]} {" ".join(pending[1])}'.strip()
            if pending[0].startswith('Chapter'):
                chapter, section = heading, None
            else:
                section = heading
            pending = None
        if m and chapter:
            out[int(m.group(1))] = [chapter] + ([section] if section else [])
    return out


def toml_list(items):
    """A TOML array of basic strings (a title may hold an apostrophe: Individuals' Rights)."""
    quoted = ('"' + i.replace('\\', '\\\\').replace('"', '\\"') + '"' for i in items)
    return '[' + ', '.join(quoted) + ']'


def main():
    fulltext, toml_path, lang = sys.argv[1:4]
    other = sys.argv[4] if len(sys.argv) > 4 else 'zh'
    by_article = paths(fulltext)
    lines = Path(toml_path).read_text(encoding='utf-8').split('\n')
    out, current = [], None
    for line in lines:
        m = re.match(r'^id = "art-(\d+)"$', line)
        if m:
            current = int(m.group(1))
        if line.startswith('chapter = ') and current in by_article:
            out.append(line.replace('chapter = ', f'chapter.{other} = ', 1))
            out.append(f'chapter.{lang} = {toml_list(by_article[current])}')
            continue
        out.append(line)
    Path(toml_path).write_text('\n'.join(out), encoding='utf-8')
    print(f'{len(by_article)} articles with a chapter path in {fulltext}', file=sys.stderr)


if __name__ == '__main__':
    main()
