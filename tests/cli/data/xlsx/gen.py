"""gen.py - writes the .xlsx fixtures of chiso's tests (checked in, so that
the tests need no Python). Run from the top of the tree after a change:

    python3 tests/cli/data/xlsx/gen.py

(Debian's python3-openpyxl installs for /usr/bin/python3.)

The hand-made workbooks come out byte for byte the same on each run;
openpyxl's holds the time it was written (restore it with git when it
did not need to change).

- tests/cli/data/xlsx/districts-2023.xlsx: examples/districts-2023.csv as
  openpyxl writes it (numbers as numbers, có/không as booleans, the rest
  as shared strings; the labels row and the note as '#' rows), for
  tests/cli/xlsx-data.sh: the same results as the CSV.
- tests/cli/data/xlsx/cells.xlsx: every cell type, written by hand (XML
  as Excel writes it), against tests/bad/data-model.yaml.
- tests/bad/data/xlsx-*.xlsx, .xls, .ods: workbooks chiso refuses, each
  with its .expect file (written by hand, not here).
"""

import csv
import io
import os
import sys
import zipfile

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
OUT = os.path.join(TOP, "tests", "cli", "data", "xlsx")
BAD = os.path.join(TOP, "tests", "bad", "data")

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def districts():
    """The example CSV through openpyxl, typed by the model's inputs."""
    import openpyxl

    numeric = {
        "steering_meetings", "communes_total", "communes_committee",
        "dt_directives", "plan_targets_total", "plan_targets_met",
        "officials_total", "officials_with_pc", "villages_total",
        "villages_wifi", "communes_4g", "households_fibre_pct",
        "dossiers_total", "dossiers_online", "digital_skills_score",
        "smartphone_adult_pct", "initiative_points", "period",
    }
    boolean = {"dt_plan_issued", "portal_dt_section", "security_monitoring",
               "antimalware"}
    with open(os.path.join(TOP, "examples", "districts-2023.csv"),
              encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in rows:
        out = []
        for name, cell in zip(header, row):
            if row is header or row[0].startswith("#") or cell == "":
                out.append(cell if cell != "" else None)
            elif name in numeric:
                x = float(cell)
                out.append(int(x) if x.is_integer() and "." not in cell else x)
            elif name in boolean:
                out.append(cell == "có")
            else:
                out.append(cell)
        ws.append(out)
    wb.save(os.path.join(OUT, "districts-2023.xlsx"))


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def stamp(name):
    """A zip entry with a fixed date: the same workbook, the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def workbook(path, sheet_xml, strings=None, styles=None, sheet_name="Sheet1",
             date1904=False, extra=None, omit=()):
    """A workbook by hand: sheet_xml is the <sheetData> content; strings
    a list of shared strings (a str, or a list of runs)."""
    parts = {}
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '</Types>')
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="' + REL + '/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
    parts["xl/workbook.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook ' + NS + ' ' + RNS + '>'
        + ('<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>')
        + '<sheets><sheet name="' + esc(sheet_name) + '" sheetId="1" r:id="rId1"/>'
        '<sheet name="Notes" sheetId="2" r:id="rId9"/></sheets></workbook>')
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId9" Type="' + REL + '/worksheet" Target="worksheets/sheet2.xml"/>'
        '<Relationship Id="rId1" Type="' + REL + '/worksheet" Target="/xl/worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="' + REL + '/sharedStrings" Target="sharedStrings.xml"/>'
        '<Relationship Id="rId3" Type="' + REL + '/styles" Target="styles.xml"/>'
        '</Relationships>')
    parts["xl/worksheets/sheet1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet ' + NS + ' ' + RNS + '><sheetData>' + sheet_xml
        + '</sheetData></worksheet>')
    parts["xl/worksheets/sheet2.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet ' + NS + '><sheetData><row r="1"><c r="A1" t="inlineStr">'
        '<is><t>not read</t></is></c></row></sheetData></worksheet>')
    sst = []
    for s in strings or []:
        if isinstance(s, str):
            sst.append("<si><t xml:space=\"preserve\">" + esc(s) + "</t></si>")
        else:
            sst.append("<si>" + "".join(
                "<r><rPr><b/></rPr><t xml:space=\"preserve\">" + esc(r) + "</t></r>"
                for r in s) + "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>")
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<sst ' + NS + ' count="%d" uniqueCount="%d">' % (len(sst), len(sst))
        + "".join(sst) + "</sst>")
    parts["xl/styles.xml"] = styles or (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet ' + NS + '>'
        '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
        '<numFmt numFmtId="165" formatCode="[Red]0.00"/></numFmts>'
        '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
        '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/>'
        '<xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>')
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            if name not in omit:
                z.writestr(stamp(name), text)


def c(ref, value=None, t=None, s=None, f=None):
    """One <c>: value None writes no <v>."""
    a = ' r="%s"' % ref
    if t:
        a += ' t="%s"' % t
    if s is not None:
        a += ' s="%d"' % s
    body = ""
    if f is not None:
        body += "<f>" + esc(f) + "</f>"
    if t == "inlineStr":
        body += "<is><t>" + esc(value) + "</t></is>"
    elif value is not None:
        body += "<v>" + esc(str(value)) + "</v>"
    return "<c" + a + ">" + body + "</c>" if body else "<c" + a + "/>"


def row(r, *cells):
    return '<row r="%d">' % r + "".join(cells) + "</row>"


HEAD = ["code", "name", "period", "officials_total", "steering_meetings",
        "fibre_pct", "plan_issued", "committee_chair", "report_ref",
        "officials_with_pc", "stage"]
COLS = "ABCDEFGHIJK"


def header(strings):
    cells = []
    for i, h in enumerate(HEAD):
        strings.append(h)
        cells.append(c(COLS[i] + "1", len(strings) - 1, t="s"))
    return row(1, *cells)


def cells():
    """Every cell type, one row per case (tests/cli/xlsx-data.sh)."""
    st = []
    rows = [header(st)]
    st.append("head")                       # 11
    st.append(["BC-", "12/2023"])           # 12: rich text runs
    st.append("Huyện Một")                  # 13
    rows.append(row(2, c("A2", "# labels: inline string comment row", t="inlineStr")))
    # D1: number, formula cached number, bool, shared string, rich
    # text, inline string number, number as period, str formula stage
    rows.append(row(3,
                    c("A3", "D1", t="inlineStr"), c("B3", 13, t="s"),
                    c("C3", 2023), c("D3", "10", t="inlineStr"),
                    c("E3", 4), c("F3", 85.5, f="171/2"), c("G3", 1, t="b"),
                    c("H3", 11, t="s"), c("I3", 12, t="s"), c("J3", "8"),
                    c("K3", "self", t="str", f='"se"&"lf"')))
    # D2: a date into a text input (built-in and custom date formats),
    # a number in a [Red] format that is not a date, FALSE, "có" text
    rows.append(row(4,
                    c("A4", "D2", t="inlineStr"), c("C4", 45291, s=2),
                    c("D4", 12), c("E4", 2, s=3), c("F4", "0.25E2"),
                    c("G4", "c\u00f3", t="inlineStr"),
                    c("H4", "deputy", t="inlineStr"), c("I4", 45291, s=1),
                    c("J4", 12)))
    # D3: an error value; styled empty cells
    rows.append(row(5,
                    c("A5", "D3", t="inlineStr"), c("D5", 5), c("E5", 1),
                    c("F5", "#DIV/0!", t="e", f="1/0"), c("G5", 0, t="b"),
                    c("H5", None, s=1), c("J5", None, s=0)))
    # row 6: only empty strings and a styled cell: skipped
    rows.append(row(6, c("A6", "  ", t="inlineStr"), c("B6", None, s=1)))
    # D4 at row 7: officials_total (D) blank; Excel's escapes in its name
    # (a literal "_x0031_", a character past U+FFFF as two surrogates)
    rows.append(row(7,
                    c("A7", "D4", t="inlineStr"),
                    c("B7", "X\u00e3 _x005F_x0031_ _xD835__xDC00_", t="inlineStr"),
                    c("E7", 3),
                    c("F7", 90), c("G7", 1, t="b"), c("H7", 11, t="s"),
                    c("I7", "ok", t="str", f='"o"&"k"')))
    workbook(os.path.join(OUT, "cells.xlsx"), "".join(rows), st)


def dates1904():
    """The 1904 date system, a time of day, a sheet name that a reference
    quotes (tests/cli/xlsx-data.sh)."""
    st = ["code", "report_ref", "steering_meetings"]
    h = row(1, c("A1", 0, t="s"), c("B1", 1, t="s"), c("C1", 2, t="s"))
    workbook(os.path.join(OUT, "dates1904.xlsx"),
             h + row(2, c("A2", "D1", t="inlineStr"), c("B2", 0, s=1), c("C2", 1))
             + row(3, c("A3", "D2", t="inlineStr"), c("B3", 45291.5, s=2),
                   c("C3", "x", t="inlineStr")),
             st, sheet_name="D\u1eef li\u1ec7u", date1904=True)


def bad():
    """Workbooks to refuse (tests/bad/data/, each with a .expect)."""
    with open(os.path.join(BAD, "xlsx-renamed-csv.xlsx"), "w") as f:
        f.write("code,steering_meetings\nD1,4\n")
    with zipfile.ZipFile(os.path.join(BAD, "xlsx-not-workbook.xlsx"), "w") as z:
        z.writestr(stamp("word/document.xml"), "<document/>")
    with zipfile.ZipFile(os.path.join(BAD, "xlsx-ods.ods"), "w") as z:
        z.writestr(stamp("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(stamp("content.xml"), "<office:document-content/>")
    ole2 = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504)
    with open(os.path.join(BAD, "xlsx-xls.xls"), "wb") as f:
        f.write(ole2 + b"Workbook".ljust(512, b"\0"))
    with open(os.path.join(BAD, "xlsx-encrypted.xlsx"), "wb") as f:
        f.write(ole2 + "EncryptedPackage".encode("utf-16-le").ljust(512, b"\0"))
    st = []
    h = header(st)
    workbook(os.path.join(BAD, "xlsx-columns.xlsx"),
             h + row(2, c("A2", "D1", t="inlineStr"), c("XFE2", 1)), st)
    workbook(os.path.join(BAD, "xlsx-bad-xml.xlsx"),
             h + '<row r="2"><c r="A2"><v>1</v></row>', st)
    workbook(os.path.join(BAD, "xlsx-no-value.xlsx"),
             h + row(2, c("A2", "D1", t="inlineStr"), c("E2", None, f="SUM(A1:A9)")), st)
    workbook(os.path.join(BAD, "xlsx-out-of-order.xlsx"),
             h + row(2, c("E2", 1), c("A2", "D1", t="inlineStr")), st)
    workbook(os.path.join(BAD, "xlsx-dtd.xlsx"), "", st,
             extra={"xl/workbook.xml": '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "xx">]>\n<workbook/>'})
    st2 = []
    h2 = header(st2)
    st2[4] = "steering_meetngs"
    workbook(os.path.join(BAD, "xlsx-unknown-column.xlsx"),
             h2 + row(2, c("A2", "D1", t="inlineStr")), st2)
    workbook(os.path.join(BAD, "xlsx-error-cell.xlsx"),
             h + row(2, c("A2", "D1", t="inlineStr"), c("E2", "#N/A", t="e")), st)
    workbook(os.path.join(BAD, "xlsx-no-sheet-rel.xlsx"), h, st,
             omit=("xl/worksheets/sheet1.xml",))


def bomb(path, mib):
    """A workbook whose sheet inflates to mib MiB of blanks (about 1 KiB
    per MiB compressed): tests/cli/xlsx-data.sh reads it with
    --max-file-mb below that."""
    st = []
    body = header(st) + " " * (mib << 20)
    workbook(path, body, st)


if __name__ == "__main__":
    districts()
    cells()
    dates1904()
    bad()
    bomb(os.path.join(OUT, "bomb.xlsx"), 3)
    print("written", file=sys.stderr)
