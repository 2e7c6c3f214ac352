"""xlsx-read.py - print a workbook as text, for tests/cli/rank-xlsx.sh and
template-xlsx.sh.

Usage: python3 xlsx-read.py FILE.xlsx

Opens FILE with openpyxl (so the test proves the file opens in a reader
other than the one that wrote it) and prints, for each sheet in order:

    sheet: NAME
    freeze: A2                 (or "none")
    validation: RANGE | TYPE | OPERATOR | F1 | F2 | PROMPT TITLE
                               (each data validation, if any)
    bold header: yes           (or "no": some cell of row 1 is not bold)
    value format: 0.0000       (the number format of the first data cell
                                under the "Giá trị/Value" header, if any)
    formats: F1 | F2 | ...     (the number format of each cell of row 2)
    row: C1 | C2 | ...         (every row, the header first)

Cells print as stored: text as is, numbers as Python prints them (an
integral number as an int: "5", not "5.0"), empty cells as "". Exit 0,
or 2 when the file cannot be read (the reason on stderr).
"""

import sys

import openpyxl


def cell_text(value):
    """A cell's value as text: numbers exactly as stored."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def print_sheet(ws):
    """Prints one worksheet."""
    print("sheet: " + ws.title)
    print("freeze: " + (ws.freeze_panes or "none"))
    for dv in ws.data_validations.dataValidation:
        print("validation: %s | %s | %s | %s | %s | %s" % (
            dv.sqref, dv.type or "any", dv.operator or "between",
            dv.formula1 or "", dv.formula2 or "", dv.promptTitle or ""))
    rows = list(ws.iter_rows())
    if rows:
        bold = all(c.font is not None and c.font.b for c in rows[0]
                   if c.value is not None)
        print("bold header: " + ("yes" if bold else "no"))
        for col, cell in enumerate(rows[0]):
            if isinstance(cell.value, str) and \
                    cell.value.startswith("Giá trị/Value"):
                if len(rows) > 1 and col < len(rows[1]):
                    print("value format: " + rows[1][col].number_format)
                break
        if len(rows) > 1:
            print("formats: " +
                  " | ".join(c.number_format for c in rows[1]))
    for row in rows:
        print("row: " + " | ".join(cell_text(c.value) for c in row))


def main(argv):
    """Reads argv[1] and prints every sheet."""
    if len(argv) != 2:
        sys.stderr.write("usage: xlsx-read.py FILE.xlsx\n")
        return 2
    try:
        wb = openpyxl.load_workbook(argv[1])
    except Exception as e:  # any failure to read is the test's failure
        sys.stderr.write("%s: %s\n" % (argv[1], e))
        return 2
    print("sheets: " + " | ".join(wb.sheetnames))
    for ws in wb.worksheets:
        print_sheet(ws)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
