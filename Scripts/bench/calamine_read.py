#!/usr/bin/env python3
"""Reference reader for the benchmark: opens a workbook with python-calamine and iterates every row of its first
sheet (as a reader feeding an import would). Prints the number of rows and non-empty cells."""
import sys

from python_calamine import CalamineWorkbook

sheet = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0)
rows = cells = 0
for row in sheet.iter_rows():
    rows += 1
    for value in row:
        if value != "":
            cells += 1
print(rows, cells)
