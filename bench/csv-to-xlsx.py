"""csv-to-xlsx.py IN.csv OUT.xlsx - the CSV batch as a workbook, as a
person would type it into Excel: cells that are numbers as numbers,
true/false as booleans, the rest as (shared) strings. For make bench
(bench/run.sh), with openpyxl's write-only mode; needs python3-openpyxl."""

import csv
import re
import sys

import openpyxl


NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?$")


def cell(text):
    if text == "":
        return None
    if text in ("true", "false"):
        return text == "true"
    if NUMBER.match(text):
        return float(text) if "." in text else int(text)
    return text


def main():
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    with open(sys.argv[1], encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.reader(f)):
            ws.append(row if i == 0 else [cell(c) for c in row])
    wb.save(sys.argv[2])


main()
