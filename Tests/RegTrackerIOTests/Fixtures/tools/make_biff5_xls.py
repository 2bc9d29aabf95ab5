#!/usr/bin/env python3
"""Writes gbk-biff5.xls: an Excel 95 (BIFF5) workbook whose text is GBK (CODEPAGE 936), as Chinese Excel 95 and old
WPS saved it. LibreOffice 7 reads BIFF5 but no longer writes it, so the records and the compound file are written
here, byte by byte, after MS-XLS and MS-CFB.

    make_biff5_xls.py OUT.xls

Sheets: 白沙镇 (visible) and 旧表 (hidden). 白沙镇:
    row 1  LABEL 姓名 | LABEL 身份证号 | LABEL 注册时间 | LABEL 备注
    row 2  LABEL 张三 | LABEL 110105199003071239 | NUMBER 44713 in a custom yyyy-mm-dd format | FORMULA → STRING 重点人员
    row 3  LABEL 欧阳娜娜 | RK 13800138000 | FORMULA → 2 (cached number) | BOOLERR false
    row 4  (none)
    row 5  RK 2.5 | NUMBER 44713.5 in built-in format 22 (m/d/yy h:mm) | BOOLERR #DIV/0! | RK 42
"""
import struct
import sys


def record(kind, data):
    return struct.pack("<HH", kind, len(data)) + data


def gbk(text):
    return text.encode("gbk")


def label(row, col, text, xf=0):
    raw = gbk(text)
    return record(0x0204, struct.pack("<HHHH", row, col, xf, len(raw)) + raw)


def number(row, col, value, xf=0):
    return record(0x0203, struct.pack("<HHHd", row, col, xf, value))


def rk(row, col, value, xf=0):
    if float(value).is_integer() and -(2**29) <= value < 2**29:
        packed = (int(value) << 2) | 0x02
    else:
        packed = (int(round(value * 100)) << 2) | 0x03
    return record(0x027E, struct.pack("<HHHI", row, col, xf, packed & 0xFFFFFFFF))


def formula(row, col, result, tokens, xf=0):
    return record(0x0006, struct.pack("<HHH", row, col, xf) + result + struct.pack("<HIH", 0, 0, len(tokens)) + tokens)


def ptg_string(text):
    raw = gbk(text)
    return bytes([0x17, len(raw)]) + raw


def boolerr(row, col, value, error, xf=0):
    return record(0x0205, struct.pack("<HHHBB", row, col, xf, value, 1 if error else 0))


def bof(kind):
    return record(0x0809, struct.pack("<HHHH", 0x0500, kind, 0x0DBB, 0x07CC))


EOF = record(0x000A, b"")


def xf(format_index):
    return record(0x00E0, struct.pack("<HHHHHHHH", 0, format_index, 0x0001, 0x20C0, 0, 0, 0, 0))


def workbook():
    sheet1 = (
        bof(0x0010)
        + label(0, 0, "姓名") + label(0, 1, "身份证号") + label(0, 2, "注册时间") + label(0, 3, "备注")
        + label(1, 0, "张三") + label(1, 1, "110105199003071239") + number(1, 2, 44713.0, xf=1)
        + formula(1, 3, struct.pack("<BBBBBBH", 0, 0, 0, 0, 0, 0, 0xFFFF), ptg_string("重点人员"))
        + record(0x0207, struct.pack("<H", len(gbk("重点人员"))) + gbk("重点人员"))
        + label(2, 0, "欧阳娜娜") + number(2, 1, 13800138000.0)
        + formula(2, 2, struct.pack("<d", 2.0), bytes([0x1E, 1, 0, 0x1E, 1, 0, 0x03]))  # =1+1
        + boolerr(2, 3, 0, False)
        + rk(4, 0, 2.5) + number(4, 1, 44713.5, xf=2) + boolerr(4, 2, 0x07, True) + rk(4, 3, 42)
        + EOF
    )
    sheet2 = bof(0x0010) + label(0, 0, "隐藏的旧表") + EOF

    def globals_(offset1, offset2):
        names = [(gbk("白沙镇"), 0, offset1), (gbk("旧表"), 1, offset2)]
        body = bof(0x0005) + record(0x0042, struct.pack("<H", 936)) + record(0x0022, struct.pack("<H", 0))
        fmt = b"yyyy-mm-dd"
        body += record(0x041E, struct.pack("<HB", 164, len(fmt)) + fmt)
        body += xf(0) + xf(164) + xf(22)
        for name, hidden, offset in names:
            body += record(0x0085, struct.pack("<IBBB", offset, hidden, 0, len(name)) + name)
        return body + EOF

    size = len(globals_(0, 0))
    stream = globals_(size, size + len(sheet1)) + sheet1 + sheet2
    return stream + bytes(max(0, 4096 - len(stream)))  # a normal stream, not one in the mini stream


def compound_file(name, stream):
    sector = 512
    data = stream + bytes(-len(stream) % sector)
    count = len(data) // sector
    assert count + 2 <= sector // 4
    directory_sector, fat_sector = count, count + 1
    fat = [i + 1 for i in range(count - 1)] + [0xFFFFFFFE, 0xFFFFFFFE, 0xFFFFFFFD]
    fat += [0xFFFFFFFF] * (sector // 4 - len(fat))

    def entry(entry_name, kind, child, start, length):
        encoded = (entry_name + "\0").encode("utf-16-le") if entry_name else b""
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<III", start, length, 0)
        )

    directory = entry("Root Entry", 5, 1, 0xFFFFFFFE, 0) + entry(name, 2, 0xFFFFFFFF, 0, len(stream))
    directory += entry("", 0, 0xFFFFFFFF, 0, 0) * 2
    header = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, directory_sector, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    header += struct.pack("<I", fat_sector) + struct.pack("<I", 0xFFFFFFFF) * 108
    assert len(header) == 512
    return header + data + directory + struct.pack(f"<{len(fat)}I", *fat)


if __name__ == "__main__":
    with open(sys.argv[1], "wb") as out:
        out.write(compound_file("Book", workbook()))
