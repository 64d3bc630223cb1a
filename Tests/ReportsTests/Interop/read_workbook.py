#!/usr/bin/env python3
"""Reads a report back for the interop test and prints what it checks, as JSON.

  read_workbook.py report.xlsx   per sheet (openpyxl): rows, charts, frozen cell, autofilter,
                                 conditional formats, the longest text in UTF-16 units (as
                                 Excel counts its 32,767 limit), and on Tickets the Python
                                 types of ids, dates and ages
  read_workbook.py --csv FILE    the number of records in a CSV file LibreOffice wrote

Exits non-zero when the file cannot be read."""
import csv
import json
import sys

if sys.argv[1] == "--csv":
    with open(sys.argv[2], newline="", encoding="utf-8") as handle:
        print(json.dumps({"records": sum(1 for _ in csv.reader(handle))}))
    sys.exit(0)

import openpyxl


def utf16_length(text):
    """Excel's length of a text: UTF-16 code units, so an emoji counts two."""
    return len(text.encode("utf-16-le")) // 2


book = openpyxl.load_workbook(sys.argv[1])
report = {"sheets": []}
for sheet in book.worksheets:
    rows = list(sheet.iter_rows(values_only=True))
    entry = {
        "name": sheet.title,
        "rows": len(rows),
        "charts": len(sheet._charts),
        "freeze": sheet.freeze_panes,
        "autofilter": sheet.auto_filter.ref,
        "conditional_formats": len(sheet.conditional_formatting),
        "longest_text": max(
            (utf16_length(v) for r in rows for v in r if isinstance(v, str)), default=0
        ),
    }
    if sheet.title.startswith("Tickets") and len(rows) > 1:
        entry["types"] = {
            "id": sorted({type(r[2]).__name__ for r in rows[1:]}),
            "created": sorted({type(r[12]).__name__ for r in rows[1:]}),
            "age": sorted({type(r[14]).__name__ for r in rows[1:]}),
        }
    report["sheets"].append(entry)
print(json.dumps(report))
