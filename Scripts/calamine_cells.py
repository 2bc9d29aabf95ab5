#!/usr/bin/env python3
"""Prints the first sheet of a workbook as python-calamine reads it, in the shape of `regtracker inspect --json
--cells`, so that the two readers can be compared (Tests/RegTrackerCLITests/CalamineDifferentialTests.swift).

    calamine_cells.py FILE   →  {"format": …, "sheets": […], "sheet": …, "rows": [{"r": 1, "cells": [{"c", "t", "v"}]}]}

Exit 0 with the JSON on stdout when calamine reads the file; exit 2 with calamine's error on stderr when it refuses
it. Python values map to regtracker's cell types:

- str → "s"; the empty string is an empty cell and is left out (python-calamine also returns error cells such as
  #DIV/0! as "", so errors cannot be told apart from empty cells here).
- bool → "b" (`true`/`false`); checked before int, since bool is an int in Python.
- int → "n" as str(int); float → "n" in regtracker's NumberText.shortest form: an integral value below 2^53 without
  `.0`, anything else as repr() (the shortest text that reads back as the same float).
- datetime → "d": `2022-06-01` at midnight, else `2022-06-01T08:30:00` (seconds rounded, as regtracker rounds the
  serial); date → "d" `2022-06-01`; time → "d" `T08:30:00` marks a time of day with no date.
- timedelta (a duration format such as [h]:mm:ss) → "duration" with its seconds: regtracker has no duration type,
  so the differential test treats these cells as a listed difference.
"""
import datetime
import json
import sys

from python_calamine import CalamineWorkbook


def shortest(value: float) -> str:
    if value == value and abs(value) != float("inf") and value == int(value) and abs(value) < 2**53:
        return str(int(value))
    return repr(value)


def iso(moment: datetime.datetime) -> str:
    seconds = round(moment.microsecond / 1_000_000)
    moment = moment.replace(microsecond=0) + datetime.timedelta(seconds=seconds)
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return moment.date().isoformat()
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def cell(value):
    """(type, text) for one value, or None for an empty cell."""
    if isinstance(value, str):
        return None if value == "" else ("s", value)
    if isinstance(value, bool):
        return ("b", "true" if value else "false")
    if isinstance(value, int):
        return ("n", str(value))
    if isinstance(value, float):
        return ("n", shortest(value))
    if isinstance(value, datetime.datetime):
        return ("d", iso(value))
    if isinstance(value, datetime.date):
        return ("d", value.isoformat())
    if isinstance(value, datetime.time):
        return ("d", "T" + value.strftime("%H:%M:%S"))
    if isinstance(value, datetime.timedelta):
        return ("duration", repr(value.total_seconds()))
    return ("?", repr(value))


def main() -> int:
    path = sys.argv[1]
    try:
        workbook = CalamineWorkbook.from_path(path)
        names = list(workbook.sheet_names)
        sheet = workbook.get_sheet_by_index(0)
        grid = sheet.to_python(skip_empty_area=False)
    except Exception as error:  # calamine refuses the file
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 2
    rows = []
    for r, values in enumerate(grid, start=1):
        cells = []
        for c, value in enumerate(values, start=1):
            found = cell(value)
            if found is not None:
                cells.append({"c": c, "t": found[0], "v": found[1]})
        if cells:
            rows.append({"r": r, "cells": cells})
    extension = path.rsplit(".", 1)[-1].lower()
    document = {"format": extension, "sheets": names, "sheet": sheet.name, "rows": rows}
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
