#!/usr/bin/env python3
"""Writes formulas.xlsx, the source of formulas.xls and formulas.et (XLSReaderTests.swift):

    python3 make_formulas_xlsx.py formulas.xlsx
    soffice --headless --convert-to 'xls:MS Excel 97' formulas.xlsx    # then: cp formulas.xls formulas.et

Sheets: 旧名单 (hidden; the workbook view's active tab is 名单, since LibreOffice shows a hidden active sheet), 名单
(formulas with string, number, date, Boolean, error and empty-string results), 汇总 (a formula over 名单).
LibreOffice computes every formula again and writes the results it computed as the cached values.
"""
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'''
RELS = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'''
WB = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="旧名单" sheetId="1" state="hidden" r:id="rId1"/><sheet name="名单" sheetId="2" r:id="rId2"/><sheet name="汇总" sheetId="3" r:id="rId3"/></sheets></workbook>'''
WBRELS = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="{REL}/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId4" Type="{REL}/styles" Target="styles.xml"/></Relationships>'''
# cellXfs: 0 General, 1 custom yyyy-mm-dd
STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>'''


def s(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def n(ref, value):
    return f'<c r="{ref}"><v>{value}</v></c>'


def f(ref, formula, value, kind=None, style=None):
    attributes = (f' t="{kind}"' if kind else "") + (f' s="{style}"' if style else "")
    return f'<c r="{ref}"{attributes}><f>{formula}</f><v>{value}</v></c>'


def sheet(rows):
    body = "".join(f'<row r="{number}">{"".join(cells)}</row>' for number, cells in rows)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}"><sheetData>{body}</sheetData></worksheet>'


q = "&quot;"
SHEETS = [
    sheet([(1, [s("A1", "隐藏的旧表")])]),
    sheet([
        (1, [s("A1", "姓名"), s("B1", "身份证号"), s("C1", "人数"), s("D1", "注册日期"), s("E1", "有效"), s("F1", "比例")]),
        (2, [s("A2", "张三"), f("B2", f"{q}11010519900307{q}&amp;{q}1239{q}", "110105199003071239", "str"),
             f("C2", "1+2", 3), f("D2", "DATE(2022,6,1)", 44713, style=1), f("E2", "1&gt;0", 1, "b"),
             f("F2", "1/0", "#DIV/0!", "e")]),
        (3, [s("A3", "李四"), f("B3", f"TEXT(110105199003071,{q}0{q})", "110105199003071", "str"),
             f("C3", "C2*2.5", 7.5), f("D3", "D2+30", 44743, style=1), f("E3", f"{q}{q}", "", "str"), n("F3", 0.25)]),
    ]),
    sheet([(1, [s("A1", "合计"), f("B1", "COUNTA(名单!A2:A3)", 2)])]),
]

with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CT)
    z.writestr("_rels/.rels", RELS)
    z.writestr("xl/workbook.xml", WB)
    z.writestr("xl/_rels/workbook.xml.rels", WBRELS)
    z.writestr("xl/styles.xml", STYLES)
    for index, part in enumerate(SHEETS, start=1):
        z.writestr(f"xl/worksheets/sheet{index}.xml", part)
