# Writes the hand-made rejection fixtures (see XLSXReaderTests.swift).
import struct, zipfile
exec(open(__file__.replace('make_odd_xlsx.py', 'make_dates_xlsx.py')).read().split('def sheet')[0])  # reuse CT, RELS, WB, WBRELS, STYLES
# A workbook whose <sheets> is empty.
with zipfile.ZipFile('no-sheets.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', CT)
    z.writestr('_rels/.rels', RELS)
    z.writestr('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>')
# A workbook whose sheet part claims 200,000,000 bytes (it holds a few hundred): refused as a zip bomb.
SHEET = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'
def patched(name, claim):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', WB % '')
        z.writestr('xl/_rels/workbook.xml.rels', WBRELS)
        z.writestr('xl/styles.xml', STYLES)
        z.writestr('xl/worksheets/sheet1.xml', SHEET)
    data = bytearray(open(name, 'rb').read())
    target = b'xl/worksheets/sheet1.xml'
    # local file header: signature PK\3\4, uncompressed size at offset 22
    i = data.find(b'PK\x03\x04' + b'', 0)
    while i >= 0:
        n = struct.unpack_from('<H', data, i + 26)[0]
        if data[i + 30:i + 30 + n] == target:
            struct.pack_into('<I', data, i + 22, claim)
        i = data.find(b'PK\x03\x04', i + 4)
    # central directory header: signature PK\1\2, uncompressed size at offset 24
    i = data.find(b'PK\x01\x02')
    while i >= 0:
        n = struct.unpack_from('<H', data, i + 28)[0]
        if data[i + 46:i + 46 + n] == target:
            struct.pack_into('<I', data, i + 24, claim)
        i = data.find(b'PK\x01\x02', i + 4)
    open(name, 'wb').write(data)
patched('bomb-claim.xlsx', 200_000_000)
patched('size-lie.xlsx', 20)
