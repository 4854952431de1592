"""The CSV a report writes loads as one rectangular table in Python's csv module and in pandas.

Run by .ci/run (which installs pandas with pip when it is missing):
    python3 scripts/check-csv.py target/csv-check/gaps.csv target/csv-check/gaps-bom.csv
"""

import csv
import sys

import pandas


def check(path: str) -> None:
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    widths = {len(r) for r in rows}
    assert widths == {len(header)}, f"{path}: rows of {sorted(widths)} fields"
    assert header[0] == "section", f"{path}: first column {header[0]!r}"
    frame = pandas.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == header, f"{path}: pandas read {list(frame.columns)}"
    assert len(frame) == len(body), f"{path}: pandas read {len(frame)} rows, csv {len(body)}"
    summary = frame[frame["section"] == "summary"]
    found = summary[(summary["gap"] == "no-impact-assessment") & (summary["status"] == "absent")]
    assert len(found) == 1, f"{path}: the no-impact-assessment finding is not in the summary"
    print(f"ok: {path}: {len(frame)} rows x {len(header)} columns in csv and pandas")


for path in sys.argv[1:]:
    check(path)
