#!/usr/bin/env python3
"""Seeded generator of realistic, fictional registration lists for the benchmark (issue 5).

One pass writes the same N data rows in every requested format, plus the roster:

    generate.py --rows 1000000 --seed 2026 --out DIR --name rows-1m --formats csv,gb18030,xml,xlsx

writes DIR/rows-1m.csv (UTF-8), DIR/rows-1m-gb18030.csv, DIR/rows-1m.xml (SpreadsheetML 2003),
DIR/rows-1m.xlsx (shared strings, like Excel writes) and DIR/rows-1m-roster.csv (乡镇,实有人口).

Every file starts with a title row above the header
    序号,姓名,乡镇,身份证号码,手机号码,所属村（社区）,注册时间,截图核验,备注
About 3% of rows repeat an earlier person (half in the same township, half in another), about 2% have
截图核验 = 无效, about 1% are malformed (a wrong ID check character or a 10-digit phone). Everything else is
valid: 18-digit ID numbers with a correct GB 11643 MOD 11-2 check character and a birth date 1940–2005,
mobile phones 1[3-9] + 9 digits, unique per person. Standard library only; the same seed gives the same bytes.

City mode (issue 19: a city of counties on one database, SPEC 8):

    generate.py --city --rows 5000000 --seed 2026 --out DIR --name city

writes DIR/city-roster.csv (县（区）,乡镇,实有人口: 10 counties, 200 townships, 城关镇 in three counties and
新城街道 in two) and one list a county, DIR/city-county01.csv … city-county10.csv (UTF-8), each naming its county
in a 县（区） column (序号,姓名,县（区）,乡镇,…) and in its title; the rows of all of them together are N
(--files-per-county K cuts each county's rows into K files, city-county01-part1.csv …). The same mix of
repeats, flagged and malformed rows as above, except that a repeat in another township stays in its county: a
repeat across counties would make the figures depend on which county imports first (SPEC 2: the earlier batch
wins), and the benchmark compares the counties imported one after another with all of them at once. Populations
are about twice a township's rows, so that the city is about 50% registered. The options above without --city
write exactly what they wrote before.
"""

import argparse
import datetime
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

HEADER = ["序号", "姓名", "乡镇", "身份证号码", "手机号码", "所属村（社区）", "注册时间", "截图核验", "备注"]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"

TOWN_FIRST = "青白黄金龙凤石柳桃杏梅松柏桂兰竹云雾清明安永太平新长福寿临双"
TOWN_SECOND = "石沙河桥溪湖山林塘坝岭岗坪田湾口关庙店集"
VILLAGE_FIRST = "东南西北上下前后大小新老高中"
VILLAGE_SECOND = "坪湾沟坝庄岭冲塘坡园铺寨"
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉兵林辉斌波宇浩凯鹏飞鑫博文俊丹琳婷雪梅"
         "海燕春燕秀兰秀珍淑珍德福永清光荣桂芝凤兰晓东晓红建华建军")
REMARKS_VALID = ["", "", "", "", "", "", "", "", "补录", "已核实", "家属代注册", "外出务工，电话核实", "老年人，子女协助"]


def check_char(first17):
    total = 0
    for digit, weight in zip(first17, WEIGHTS):
        total += (ord(digit) - 48) * weight
    return CHECK[total % 11]


class Permutation:
    """x ↦ (a·x + b) mod n, a bijection on [0, n) when gcd(a, n) = 1: unique values without a set."""

    def __init__(self, rng, n):
        import math
        self.n = n
        while True:
            a = rng.randrange(n // 3, n - 1)
            if math.gcd(a, n) == 1:
                break
        self.a = a
        self.b = rng.randrange(n)

    def __call__(self, x):
        return (self.a * x + self.b) % self.n


def make_townships(rng, count):
    names = []
    seen = set()
    suffixes = ["镇"] * 33 + ["街道"] * 5 + ["乡"] * 2
    while len(names) < count:
        name = rng.choice(TOWN_FIRST) + rng.choice(TOWN_SECOND)
        if name in seen:
            continue
        seen.add(name)
        names.append(name + suffixes[len(names) % len(suffixes)])
    return names


def make_villages(rng, township):
    out = []
    seen = set()
    while len(out) < rng.randint(6, 14):
        v = rng.choice(VILLAGE_FIRST) + rng.choice(VILLAGE_SECOND)
        if v in seen:
            continue
        seen.add(v)
        out.append(v + ("社区" if rng.random() < 0.25 else "村"))
    return out


def xml_cell(value, kind="String"):
    return '<Cell><Data ss:Type="%s">%s</Data></Cell>' % (kind, escape(value))


LETTERS = "ABCDEFGHI"


def zip_entry(name):
    """A deflated zip entry with a fixed time stamp, so that the same seed gives the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(2026, 6, 30, 12, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def col_letter(i):
    return LETTERS[i]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, required=True, help="number of data rows")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", required=True, help="folder to write into")
    parser.add_argument("--name", required=True, help="base name of the files")
    parser.add_argument("--formats", default="csv", help="comma-separated: csv,gb18030,xml,xlsx")
    parser.add_argument("--townships", type=int, default=40)
    parser.add_argument("--daily", type=int, default=0,
                        help="also write NAME-daily.csv: this many more rows of the same stream (the next day's list "
                             "of the same county: new people, and repeats of recent ones); the other files are unchanged")
    parser.add_argument("--city", action="store_true",
                        help="a city: 10 counties, 200 townships, one CSV a county (see above); only --rows, --seed, "
                             "--out, --name and --files-per-county apply")
    parser.add_argument("--files-per-county", type=int, default=1, help="with --city: files a county")
    args = parser.parse_args()
    if args.city:
        city(args)
        return
    formats = set(args.formats.split(","))
    unknown = formats - {"csv", "gb18030", "xml", "xlsx"}
    if unknown:
        parser.error("unknown formats: " + ",".join(sorted(unknown)))

    rng = random.Random(args.seed)
    towns = make_townships(rng, args.townships)
    villages = [make_villages(rng, t) for t in towns]
    weights = [rng.uniform(0.4, 1.6) for _ in towns]
    # Each township gets its own 6-digit region code, so that IDs are unique across townships too.
    regions = ["%06d" % (510100 + 100 * (i // 9) + 2 * (i % 9) + 12) for i in range(len(towns))]
    birth_start = datetime.date(1940, 1, 1)
    birth_days = (datetime.date(2005, 12, 31) - birth_start).days + 1
    id_space = [Permutation(random.Random(args.seed * 1000 + i), birth_days * 1000) for i in range(len(towns))]
    phone_perm = Permutation(random.Random(args.seed * 7 + 1), 7_000_000_000)
    per_town_index = [0] * len(towns)
    cum = []
    acc = 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    title = "全县各乡镇（街道）国家反诈中心APP注册名单（截至2026年6月30日，共%d人）" % args.rows
    base = "%s/%s" % (args.out, args.name)

    outputs = []  # callables taking the row as a list of 9 strings
    closers = []
    if "csv" in formats or "gb18030" in formats:
        import csv

        for fmt, suffix, encoding in (("csv", ".csv", "utf-8"), ("gb18030", "-gb18030.csv", "gb18030")):
            if fmt not in formats:
                continue
            f = open(base + suffix, "w", encoding=encoding, newline="", buffering=1 << 20)
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow([title] + [""] * 8)
            w.writerow(HEADER)
            outputs.append(w.writerow)
            closers.append(f.close)

    if "xml" in formats:
        xf = open(base + ".xml", "w", encoding="utf-8", buffering=1 << 20)
        xf.write('<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
                 '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                 'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" '
                 'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">\n'
                 ' <Worksheet ss:Name="Sheet1">\n  <Table>\n')
        xf.write('   <Row><Cell ss:MergeAcross="8"><Data ss:Type="String">%s</Data></Cell></Row>\n' % escape(title))
        xf.write("   <Row>" + "".join(xml_cell(h) for h in HEADER) + "</Row>\n")

        # Generated values never contain & < > (fixed alphabets), so they need no escaping.
        def write_xml(row, xf=xf, wr=xf.write):
            wr('   <Row><Cell><Data ss:Type="Number">' + row[0] + "</Data></Cell>"
               + "".join(['<Cell><Data ss:Type="String">' + v + "</Data></Cell>" if v else "<Cell/>"
                          for v in row[1:]])
               + "</Row>\n")

        def close_xml(xf=xf):
            xf.write("  </Table>\n </Worksheet>\n</Workbook>\n")
            xf.close()

        outputs.append(write_xml)
        closers.append(close_xml)

    if "xlsx" in formats:
        zf = zipfile.ZipFile(base + ".xlsx", "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
        sheet = zf.open(zip_entry("xl/worksheets/sheet1.xml"), "w", force_zip64=True)
        shared = {}
        shared_list = []
        buf = []

        def sst(value):
            i = shared.get(value)
            if i is None:
                i = len(shared_list)
                shared[value] = i
                shared_list.append(value)
            return i

        def flush():
            sheet.write("".join(buf).encode("utf-8"))
            buf.clear()

        last_row = args.rows + 2
        buf.append('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<dimension ref="A1:I%d"/><sheetData>' % last_row)
        buf.append('<row r="1"><c r="A1" t="s"><v>%d</v></c></row>' % sst(title))
        buf.append('<row r="2">' + "".join('<c r="%s2" t="s"><v>%d</v></c>' % (col_letter(i), sst(h))
                                           for i, h in enumerate(HEADER)) + "</row>")
        xlsx_row = [3]

        def write_xlsx(row):
            r = xlsx_row[0]
            xlsx_row[0] = r + 1
            rs = str(r)
            parts = ['<row r="', rs, '"><c r="A', rs, '"><v>', row[0], "</v></c>"]
            for i in range(1, 9):
                v = row[i]
                if v:
                    j = shared.get(v)
                    if j is None:
                        j = sst(v)
                    parts.append('<c r="%s%s" t="s"><v>%d</v></c>' % (LETTERS[i], rs, j))
            parts.append("</row>")
            buf.append("".join(parts))
            if len(buf) >= 4096:
                flush()

        def close_xlsx():
            buf.append('</sheetData><mergeCells count="1"><mergeCell ref="A1:I1"/></mergeCells></worksheet>')
            flush()
            sheet.close()
            with zf.open(zip_entry("xl/sharedStrings.xml"), "w", force_zip64=True) as s:
                head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                        'count="%d" uniqueCount="%d">' % (len(shared_list), len(shared_list)))
                s.write(head.encode("utf-8"))
                chunk = []
                for v in shared_list:
                    chunk.append("<si><t>" + v + "</t></si>")
                    if len(chunk) >= 8192:
                        s.write("".join(chunk).encode("utf-8"))
                        chunk.clear()
                chunk.append("</sst>")
                s.write("".join(chunk).encode("utf-8"))
            zf.writestr(zip_entry("[Content_Types].xml"),
                        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                        '<Default Extension="xml" ContentType="application/xml"/>'
                        '<Override PartName="/xl/workbook.xml" '
                        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                        '<Override PartName="/xl/worksheets/sheet1.xml" '
                        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                        '<Override PartName="/xl/sharedStrings.xml" '
                        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                        "</Types>")
            zf.writestr(zip_entry("_rels/.rels"),
                        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        '<Relationship Id="rId1" '
                        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                        'Target="xl/workbook.xml"/></Relationships>')
            zf.writestr(zip_entry("xl/workbook.xml"),
                        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
            zf.writestr(zip_entry("xl/_rels/workbook.xml.rels"),
                        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        '<Relationship Id="rId1" '
                        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                        'Target="worksheets/sheet1.xml"/>'
                        '<Relationship Id="rId2" '
                        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                        'Target="sharedStrings.xml"/></Relationships>')
            zf.close()

        outputs.append(write_xlsx)
        closers.append(close_xlsx)

    rows_per_town = [0] * len(towns)
    recent = []  # ring buffer of earlier persons (name, township index, id, phone) for duplicates
    RECENT = 50_000
    person = 0
    stats = {"duplicate": 0, "flagged": 0, "malformed": 0}
    rand = rng.random
    ndates = 181  # registrations from 2026-01-01 to 2026-06-30
    reg_start = datetime.date(2026, 1, 1).toordinal()
    birth_ord = birth_start.toordinal()
    # The check character from cached partial weighted sums: region (per township), birth date (per day).
    region_sum = [sum((ord(c) - 48) * w for c, w in zip(r, WEIGHTS[:6])) for r in regions]
    birth_cache = {}

    def birth(day):
        hit = birth_cache.get(day)
        if hit is None:
            s = datetime.date.fromordinal(birth_ord + day).strftime("%Y%m%d")
            hit = (s, sum((ord(c) - 48) * w for c, w in zip(s, WEIGHTS[6:14])))
            birth_cache[day] = hit
        return hit

    seq_cache = []
    for q in range(1000):
        s3 = "%03d" % q
        seq_cache.append((s3, sum((ord(c) - 48) * w for c, w in zip(s3, WEIGHTS[14:17]))))
    n_surnames = len(SURNAMES)
    n_given = len(GIVEN)
    n_remarks = len(REMARKS_VALID)
    flag_remarks = ["截图不清晰", "非本人注册", "截图重复使用", "未实名"]
    reg_dates = [datetime.date.fromordinal(reg_start + d) for d in range(ndates)]
    reg_days = ["%04d-%02d-%02d " % (d.year, d.month, d.day) for d in reg_dates]
    reg_slash = ["%d/%d/%d" % (d.year, d.month, d.day) for d in reg_dates]
    hhmm = ["%02d:%02d" % (h, m) for h in range(8, 21) for m in range(60)]
    n_towns = len(towns)

    for n in range(1, args.rows + args.daily + 1):
        if n == args.rows + 1:
            # The daily list: its own title and header, rows numbered from 1; not counted in the roster.
            import csv

            daily_file = open(base + "-daily.csv", "w", encoding="utf-8", newline="", buffering=1 << 20)
            daily = csv.writer(daily_file, lineterminator="\r\n")
            daily.writerow([title.replace("共%d人" % args.rows, "共%d人" % args.daily)] + [""] * 8)
            daily.writerow(HEADER)
            outputs = [daily.writerow]
            closers.append(daily_file.close)
            rows_per_town_main = list(rows_per_town)
            stats_main = dict(stats)
        if rand() < 0.03 and recent:
            # The same person again: half in the same township (resubmission), half in another one.
            name, t, id_number, phone = recent[int(rand() * len(recent))]
            if rand() < 0.5:
                t = int(rand() * n_towns)
            stats["duplicate"] += 1
        else:
            x = rand() * acc
            t = 0
            while cum[t] < x:
                t += 1
            k = per_town_index[t]
            per_town_index[t] = k + 1
            code = id_space[t](k)
            bs, bsum = birth(code // 1000)
            qs, qsum = seq_cache[code % 1000]
            id_number = regions[t] + bs + qs + CHECK[(region_sum[t] + bsum + qsum) % 11]
            p = phone_perm(person)
            phone = "1%d%09d" % (3 + p // 1_000_000_000, p % 1_000_000_000)
            person += 1
            if rand() < 0.3:
                given = GIVEN[int(rand() * n_given)]
            else:
                given = GIVEN[int(rand() * n_given)] + GIVEN[int(rand() * n_given)]
            name = SURNAMES[int(rand() * n_surnames)] + given
            if len(recent) < RECENT:
                recent.append((name, t, id_number, phone))
            else:
                recent[int(rand() * RECENT)] = (name, t, id_number, phone)
        verdict = "有效"
        v = rand()
        if v < 0.02:
            verdict = "无效"
            remark = flag_remarks[int(rand() * 4)]
            stats["flagged"] += 1
        elif v < 0.03:
            stats["malformed"] += 1
            remark = ""
            if rand() < 0.5:
                id_number = id_number[:17] + ("0" if id_number[17] != "0" else "1")
            else:
                phone = phone[:10]
        else:
            if v > 0.93:
                verdict = ""
            remark = REMARKS_VALID[int(rand() * n_remarks)]
        day = int(rand() * ndates)
        if rand() < 0.8:
            registered = reg_days[day] + hhmm[int(rand() * 780)]
        else:
            registered = reg_slash[day]
        rows_per_town[t] += 1
        vs = villages[t]
        number = n if n <= args.rows else n - args.rows
        row = [str(number), name, towns[t], id_number, phone, vs[int(rand() * len(vs))], registered, verdict, remark]
        for out in outputs:
            out(row)

    for close in closers:
        close()

    if args.daily:
        rows_per_town = rows_per_town_main
        print("%s-daily: %d rows, %d duplicates, %d flagged, %d malformed" %
              (args.name, args.daily, stats["duplicate"] - stats_main["duplicate"],
               stats["flagged"] - stats_main["flagged"], stats["malformed"] - stats_main["malformed"]), file=sys.stderr)
        stats = stats_main
    roster_rng = random.Random(args.seed + 99)
    populations = [max(1, round(count * roster_rng.uniform(1.7, 2.3))) for count in rows_per_town]
    with open(base + "-roster.csv", "w", encoding="utf-8", newline="") as f:
        f.write("乡镇,实有人口\r\n")
        for name, population in zip(towns, populations):
            f.write("%s,%d\r\n" % (name, population))
    # The same roster with villages (SPEC 5): each township's own row, then its villages sharing its population.
    with open(base + "-village-roster.csv", "w", encoding="utf-8", newline="") as f:
        f.write("乡镇,村（社区）,实有人口\r\n")
        for name, population, vs in zip(towns, populations, villages):
            f.write("%s,,%d\r\n" % (name, population))
            for v in vs:
                f.write("%s,%s,%d\r\n" % (name, v, max(1, population // len(vs))))

    print("%s: %d rows, %d townships, %d duplicates, %d flagged, %d malformed" %
          (args.name, args.rows, len(towns), stats["duplicate"], stats["flagged"], stats["malformed"]),
          file=sys.stderr)


COUNTIES = ["青石县", "云岭县", "白沙区", "松林县", "金川县", "龙泉区", "安平县", "长宁县", "福山县", "临江区"]
COUNTY_TOWNSHIPS = [24, 18, 22, 16, 26, 20, 14, 23, 19, 18]  # 200 in all
SHARED = {"城关镇": (0, 1, 3), "新城街道": (2, 5)}  # township names several counties have (SPEC 8)


def city(args):
    """City mode: the roster with a county column and one list (or --files-per-county lists) a county."""
    import csv
    import math

    assert sum(COUNTY_TOWNSHIPS) == 200 and len(COUNTIES) == len(COUNTY_TOWNSHIPS)
    rng = random.Random(args.seed)
    # Township names: the shared ones first in their counties, then names unique across the city.
    pool = make_townships(rng, sum(COUNTY_TOWNSHIPS))
    pool = [p for p in pool if p not in SHARED]
    towns, county_of = [], []
    for c, count in enumerate(COUNTY_TOWNSHIPS):
        own = [name for name, cs in SHARED.items() if c in cs]
        while len(own) < count:
            own.append(pool.pop())
        towns += own
        county_of += [c] * count
    n_towns = len(towns)
    in_county = [[t for t in range(n_towns) if county_of[t] == c] for c in range(len(COUNTIES))]
    villages = [make_villages(rng, t) for t in towns]
    weights = [rng.uniform(0.4, 1.6) for _ in towns]
    cum, acc = [], 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    # A 6-digit region code a township (unique, so that IDs are unique across townships), a county's in one block.
    regions = ["%06d" % (510100 + 100 * (i // 9) + 2 * (i % 9) + 12) for i in range(n_towns)]
    region_sum = [sum((ord(ch) - 48) * w for ch, w in zip(r, WEIGHTS[:6])) for r in regions]
    birth_start = datetime.date(1940, 1, 1)
    birth_days = (datetime.date(2005, 12, 31) - birth_start).days + 1
    id_space = [Permutation(random.Random(args.seed * 1000 + i), birth_days * 1000) for i in range(n_towns)]
    phone_perm = Permutation(random.Random(args.seed * 7 + 1), 7_000_000_000)
    per_town_index = [0] * n_towns
    birth_ord = birth_start.toordinal()
    birth_cache = {}

    def birth(day):
        hit = birth_cache.get(day)
        if hit is None:
            b = datetime.date.fromordinal(birth_ord + day).strftime("%Y%m%d")
            hit = (b, sum((ord(ch) - 48) * w for ch, w in zip(b, WEIGHTS[6:14])))
            birth_cache[day] = hit
        return hit

    seq_cache = []
    for q in range(1000):
        s3 = "%03d" % q
        seq_cache.append((s3, sum((ord(ch) - 48) * w for ch, w in zip(s3, WEIGHTS[14:17]))))
    ndates = 181
    reg_dates = [datetime.date.fromordinal(datetime.date(2026, 1, 1).toordinal() + d) for d in range(ndates)]
    reg_days = ["%04d-%02d-%02d " % (d.year, d.month, d.day) for d in reg_dates]
    reg_slash = ["%d/%d/%d" % (d.year, d.month, d.day) for d in reg_dates]
    hhmm = ["%02d:%02d" % (h, m) for h in range(8, 21) for m in range(60)]
    flag_remarks = ["截图不清晰", "非本人注册", "截图重复使用", "未实名"]

    # First every row's township and person, then the files: a file's title says how many rows it has.
    header = HEADER[:2] + ["县（区）"] + HEADER[2:]
    parts = max(1, args.files_per_county)
    files, writers, numbers = [], [], []
    # Each county's rows go to a body file first (numbered in the county), then title and header are put above it.
    bodies = [open("%s/.%s-county%02d.body" % (args.out, args.name, c + 1), "w", encoding="utf-8", newline="",
                   buffering=1 << 20) for c in range(len(COUNTIES))]
    body_writers = [csv.writer(b, lineterminator="\r\n").writerow for b in bodies]
    county_rows = [0] * len(COUNTIES)
    recent = []
    RECENT = 50_000
    person = 0
    stats = {"duplicate": 0, "flagged": 0, "malformed": 0}
    rows_per_town = [0] * n_towns
    rand = rng.random
    for _ in range(args.rows):
        if rand() < 0.03 and recent:
            # The same person again: half in the same township, half in another township of the same county.
            name, t, id_number, phone = recent[int(rand() * len(recent))]
            if rand() < 0.5:
                own = in_county[county_of[t]]
                t = own[int(rand() * len(own))]
            stats["duplicate"] += 1
        else:
            x = rand() * acc
            t = 0
            while cum[t] < x:
                t += 1
            k = per_town_index[t]
            per_town_index[t] = k + 1
            code = id_space[t](k)
            bs, bsum = birth(code // 1000)
            qs, qsum = seq_cache[code % 1000]
            id_number = regions[t] + bs + qs + CHECK[(region_sum[t] + bsum + qsum) % 11]
            p = phone_perm(person)
            phone = "1%d%09d" % (3 + p // 1_000_000_000, p % 1_000_000_000)
            person += 1
            if rand() < 0.3:
                given = GIVEN[int(rand() * len(GIVEN))]
            else:
                given = GIVEN[int(rand() * len(GIVEN))] + GIVEN[int(rand() * len(GIVEN))]
            name = SURNAMES[int(rand() * len(SURNAMES))] + given
            if len(recent) < RECENT:
                recent.append((name, t, id_number, phone))
            else:
                recent[int(rand() * RECENT)] = (name, t, id_number, phone)
        verdict = "有效"
        v = rand()
        if v < 0.02:
            verdict = "无效"
            remark = flag_remarks[int(rand() * 4)]
            stats["flagged"] += 1
        elif v < 0.03:
            stats["malformed"] += 1
            remark = ""
            if rand() < 0.5:
                id_number = id_number[:17] + ("0" if id_number[17] != "0" else "1")
            else:
                phone = phone[:10]
        else:
            if v > 0.93:
                verdict = ""
            remark = REMARKS_VALID[int(rand() * len(REMARKS_VALID))]
        day = int(rand() * ndates)
        registered = reg_days[day] + hhmm[int(rand() * 780)] if rand() < 0.8 else reg_slash[day]
        rows_per_town[t] += 1
        vs = villages[t]
        c = county_of[t]
        county_rows[c] += 1
        body_writers[c]((str(county_rows[c]), name, COUNTIES[c], towns[t], id_number, phone,
                         vs[int(rand() * len(vs))], registered, verdict, remark))

    for c, county in enumerate(COUNTIES):
        bodies[c].close()
        size = math.ceil(county_rows[c] / parts)
        with open(bodies[c].name, encoding="utf-8", newline="") as body:
            for part in range(parts):
                n = min(size, county_rows[c] - part * size)
                suffix = "" if parts == 1 else "-part%d" % (part + 1)
                path = "%s/%s-county%02d%s.csv" % (args.out, args.name, c + 1, suffix)
                with open(path, "w", encoding="utf-8", newline="", buffering=1 << 20) as f:
                    w = csv.writer(f, lineterminator="\r\n")
                    title = "%s各乡镇（街道）国家反诈中心APP注册名单（截至2026年6月30日，共%d人）" % (county, max(n, 0))
                    w.writerow([title] + [""] * 9)
                    w.writerow(header)
                    for _ in range(max(n, 0)):
                        f.write(body.readline())
        os.remove(bodies[c].name)

    roster_rng = random.Random(args.seed + 99)
    populations = [max(1, round(count * roster_rng.uniform(1.7, 2.3))) for count in rows_per_town]
    with open("%s/%s-roster.csv" % (args.out, args.name), "w", encoding="utf-8", newline="") as f:
        f.write("县（区）,乡镇,实有人口\r\n")
        for t, (name, population) in enumerate(zip(towns, populations)):
            f.write("%s,%s,%d\r\n" % (COUNTIES[county_of[t]], name, population))
    print("%s: %d rows in %d counties (%d file(s) each), %d townships, %d duplicates, %d flagged, %d malformed; "
          "population %d" % (args.name, args.rows, len(COUNTIES), parts, n_towns, stats["duplicate"],
                             stats["flagged"], stats["malformed"], sum(populations)), file=sys.stderr)


if __name__ == "__main__":
    main()
