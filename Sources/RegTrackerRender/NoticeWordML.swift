import RegTrackerCore

/// A notice as the parts of a WordprocessingML package (.docx), laid out as GB/T 9704-2012 asks for official
/// documents: A4, margins 37 mm (top), 35 mm (bottom), 28 mm (left, binding side), 26 mm (right), which leaves the
/// 156 × 225 mm text block; title 22 pt 方正小标宋简体, body 16 pt 仿宋_GB2312 on a grid of 22 lines of 28 characters,
/// headings 黑体 then 楷体_GB2312, page numbers 4号 (14 pt) 宋体 as `— 1 —`, odd pages right, even pages left.
/// Where a font is missing, the font table names the common one Word, WPS and LibreOffice fall back to.
///
/// Pure text: the zip is written by `NoticeFiles` (RegTrackerKit).
public enum NoticeWordML {
    /// Page and margins in twentieths of a point (1 mm = 1440 / 25.4 twips).
    public enum Page {
        public static let width = 11906  // 210 mm
        public static let height = 16838  // 297 mm
        public static let top = 2098  // 37 mm
        public static let bottom = 1984  // 35 mm
        public static let left = 1587  // 28 mm
        public static let right = 1474  // 26 mm
        /// 225 mm / 22 lines, rounded down so that 22 lines always fit.
        public static let linePitch = 579
        /// 28 characters in 156 mm (441.9 pt): each 16 pt character is condensed by 0.25 pt (5 twentieths) to
        /// 15.75 pt, 441 pt a line. Done with character spacing rather than a character grid (`linesAndChars` with
        /// a negative `charSpace`), which Word honours but LibreOffice renders by giving each character that is
        /// wider than a grid cell two cells: half the characters a line.
        public static let condense = -5
    }

    public struct Part: Sendable, Equatable {
        public var path: String
        public var contentType: String?
        public var xml: String
    }

    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let officeType = "application/vnd.openxmlformats-officedocument.wordprocessingml."

    /// Every part of the package, `[Content_Types].xml` first.
    public static func parts(_ document: NoticeDocument, issued: CivilDate) -> [Part] {
        let parts = [
            Part(path: "_rels/.rels", contentType: nil, xml: packageRelationships),
            Part(
                path: "docProps/core.xml", contentType: "application/vnd.openxmlformats-package.core-properties+xml",
                xml: core(title: document.title, issued: issued)),
            Part(path: "word/_rels/document.xml.rels", contentType: nil, xml: documentRelationships),
            Part(path: "word/document.xml", contentType: officeType + "document.main+xml", xml: body(document)),
            Part(path: "word/styles.xml", contentType: officeType + "styles+xml", xml: styles),
            Part(path: "word/settings.xml", contentType: officeType + "settings+xml", xml: settings),
            Part(path: "word/fontTable.xml", contentType: officeType + "fontTable+xml", xml: fontTable),
            Part(path: "word/footer1.xml", contentType: officeType + "footer+xml", xml: footer(alignment: "right")),
            Part(path: "word/footer2.xml", contentType: officeType + "footer+xml", xml: footer(alignment: "left")),
        ]
        return [Part(path: "[Content_Types].xml", contentType: nil, xml: contentTypes(parts))] + parts
    }

    static func contentTypes(_ parts: [Part]) -> String {
        header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + parts.compactMap { part in
                part.contentType.map { "<Override PartName=\"/\(part.path)\" ContentType=\"\($0)\"/>" }
            }.joined() + "</Types>"
    }

    static let packageRelationships =
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
        + "core-properties\" Target=\"docProps/core.xml\"/></Relationships>"

    static let documentRelationships =
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(relationships)/settings\" Target=\"settings.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(relationships)/fontTable\" Target=\"fontTable.xml\"/>"
        + "<Relationship Id=\"rId4\" Type=\"\(relationships)/footer\" Target=\"footer1.xml\"/>"
        + "<Relationship Id=\"rId5\" Type=\"\(relationships)/footer\" Target=\"footer2.xml\"/></Relationships>"

    static func core(title: String, issued: CivilDate) -> String {
        header
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(escape(title))</dc:title><dc:creator>regtracker</dc:creator>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(issued.iso8601Unchecked)T00:00:00Z</dcterms:created>"
            + "</cp:coreProperties>"
    }

    // MARK: - The document

    static func body(_ document: NoticeDocument) -> String {
        var xml = [paragraph(document.title, style: "NoticeTitle"), paragraph("", style: "Addressee")]
        for block in document.blocks {
            switch block {
            case .addressee(let text): xml.append(paragraph(text, style: "Addressee"))
            case .paragraph(let text): xml.append(paragraph(text, style: "BodyText"))
            case .heading(let text): xml.append(paragraph(text, style: "Heading1"))
            case .subheading(let text): xml.append(paragraph(text, style: "Heading2"))
            case .signature(let text): xml.append(paragraph(text, style: "Signature"))
            }
        }
        xml.append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>")
        xml.append(paragraph("附件", style: "AnnexLabel"))
        xml.append(paragraph(document.annex.title, style: "AnnexTitle"))
        xml.append(table(document.annex))
        xml += document.annex.notes.map { paragraph($0, style: "TableNote") }
        return header + "<w:document xmlns:w=\"\(main)\" xmlns:r=\"\(relationships)\"><w:body>" + xml.joined()
            + section + "</w:body></w:document>"
    }

    static let section =
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/><w:footerReference w:type=\"even\" r:id=\"rId5\"/>"
        + "<w:pgSz w:w=\"\(Page.width)\" w:h=\"\(Page.height)\"/>"
        + "<w:pgMar w:top=\"\(Page.top)\" w:right=\"\(Page.right)\" w:bottom=\"\(Page.bottom)\" w:left=\"\(Page.left)\" "
        + "w:header=\"851\" w:footer=\"1304\" w:gutter=\"0\"/><w:pgNumType w:fmt=\"decimal\" w:start=\"1\"/>"
        + "<w:docGrid w:type=\"lines\" w:linePitch=\"\(Page.linePitch)\"/>"
        + "</w:sectPr>"

    static func paragraph(_ text: String, style: String, alignment: String? = nil) -> String {
        let jc = alignment.map { "<w:jc w:val=\"\($0)\"/>" } ?? ""
        let run = text.isEmpty ? "" : "<w:r><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
        return "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>\(jc)</w:pPr>\(run)</w:p>"
    }

    /// Column widths of the annexed ranking in twips, summing to the 156 mm line (8845): room for `53.13%` and a
    /// township name on one line.
    static let columnWidths = [500, 1200, 800, 700, 1000, 700, 600, 700, 700, 600, 600, 745]

    /// The annexed ranking: borders all round, fixed column widths, the heading row repeated on every page.
    static func table(_ sheet: ReportSheet) -> String {
        let widths =
            sheet.headings.count == columnWidths.count
            ? columnWidths
            : Array(
                repeating: (Page.width - Page.left - Page.right) / max(1, sheet.headings.count),
                count: sheet.headings.count)
        func cell(_ content: String, _ column: Int) -> String {
            "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[column])\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                + content + "</w:tc>"
        }
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        var xml =
            "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(border)/>" }.joined()
            + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
            + "<w:tblCellMar><w:left w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"40\" w:type=\"dxa\"/></w:tblCellMar>"
            + "</w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        xml +=
            "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
            + sheet.headings.enumerated().map { cell(paragraph($0.element, style: "TableHeading"), $0.offset) }.joined()
            + "</w:tr>"
        for row in sheet.rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            xml += row.cells.enumerated().map { column, value in
                cell(paragraph(value.text, style: "TableText", alignment: value.isNumber ? "right" : nil), column)
            }.joined()
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    // MARK: - Styles, settings, fonts, footers

    static func fonts(eastAsia: String, ascii: String = "Times New Roman") -> String {
        "<w:rFonts w:ascii=\"\(ascii)\" w:hAnsi=\"\(ascii)\" w:eastAsia=\"\(eastAsia)\" w:cs=\"\(ascii)\"/>"
    }

    static func style(_ id: String, name: String, paragraph: String = "", run: String = "") -> String {
        "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
            + "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>\(paragraph)</w:pPr><w:rPr>\(run)</w:rPr></w:style>"
    }

    /// In the schema's order: spacing comes before kern and sz.
    static let condensed = "<w:spacing w:val=\"\(Page.condense)\"/>"
    static let bodySize = "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
    static let indent = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"

    static let styles: String = {
        let grid = "<w:spacing w:line=\"\(Page.linePitch)\" w:lineRule=\"exact\"/>"
        let tableRun = fonts(eastAsia: "仿宋_GB2312") + "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"
        let tableParagraph = "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"240\" w:lineRule=\"auto\"/>"
        return header + "<w:styles xmlns:w=\"\(main)\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts(eastAsia: "仿宋_GB2312"))\(condensed)<w:kern w:val=\"2\"/>"
            + bodySize
            + "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/>\(grid)<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault>"
            + "</w:docDefaults>"
            // The size is repeated on Normal: LibreOffice sizes the character grid from Normal's own font size
            // (12 pt when Normal has none), and a 16 pt character would then take two cells.
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
            + "<w:rPr>\(fonts(eastAsia: "仿宋_GB2312"))\(condensed)\(bodySize)</w:rPr></w:style>"
            + style(
                "NoticeTitle", name: "公文标题", paragraph: "<w:jc w:val=\"center\"/>",
                run: fonts(eastAsia: "方正小标宋简体") + "<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>")
            + style("Addressee", name: "主送机关")
            + style("BodyText", name: "公文正文", paragraph: indent)
            + style(
                "Heading1", name: "一级标题", paragraph: indent + "<w:outlineLvl w:val=\"0\"/>",
                run: fonts(eastAsia: "黑体"))
            + style(
                "Heading2", name: "二级标题", paragraph: indent + "<w:outlineLvl w:val=\"1\"/>",
                run: fonts(eastAsia: "楷体_GB2312"))
            + style(
                "Signature", name: "署名日期",
                paragraph: "<w:ind w:rightChars=\"400\" w:right=\"1280\"/><w:jc w:val=\"right\"/>")
            + style("AnnexLabel", name: "附件标识", run: fonts(eastAsia: "黑体"))
            + style(
                "AnnexTitle", name: "附件标题", paragraph: "<w:jc w:val=\"center\"/>",
                run: fonts(eastAsia: "方正小标宋简体") + "<w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>")
            + style(
                "TableHeading", name: "表头", paragraph: tableParagraph + "<w:jc w:val=\"center\"/>",
                run: fonts(eastAsia: "黑体") + "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>")
            + style("TableText", name: "表格文字", paragraph: tableParagraph + "<w:jc w:val=\"center\"/>", run: tableRun)
            + style("TableNote", name: "表注", paragraph: tableParagraph, run: tableRun)
            + style(
                "PageNumber", name: "页码", paragraph: "<w:snapToGrid w:val=\"0\"/>",
                run: fonts(eastAsia: "宋体") + "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>")
            + "</w:styles>"
    }()

    static let settings =
        header + "<w:settings xmlns:w=\"\(main)\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"420\"/>"
        + "<w:evenAndOddHeaders/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
        + "w:val=\"15\"/></w:compat></w:settings>"

    /// Each font with the one to use when it is missing.
    static let fontTable: String = {
        let fonts: [(String, String?)] = [
            ("方正小标宋简体", "宋体"), ("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("黑体", "SimHei"), ("宋体", "SimSun"),
            ("Times New Roman", nil),
        ]
        return header + "<w:fonts xmlns:w=\"\(main)\">"
            + fonts.map { name, alternative in
                "<w:font w:name=\"\(name)\">" + (alternative.map { "<w:altName w:val=\"\($0)\"/>" } ?? "")
                    + (name == "Times New Roman" ? "" : "<w:charset w:val=\"86\"/>") + "</w:font>"
            }.joined() + "</w:fonts>"
    }()

    /// `— 1 —`, 4号 宋体, one character in from the right (odd pages) or the left (even pages).
    static func footer(alignment: String) -> String {
        let side = alignment == "right" ? "w:right=\"280\"" : "w:left=\"280\""
        let run = { (inner: String) in "<w:r>\(inner)</w:r>" }
        return header + "<w:ftr xmlns:w=\"\(main)\"><w:p><w:pPr><w:pStyle w:val=\"PageNumber\"/>"
            + "<w:ind \(side)/><w:jc w:val=\"\(alignment)\"/></w:pPr>"
            + run("<w:t xml:space=\"preserve\">— </w:t>") + run("<w:fldChar w:fldCharType=\"begin\"/>")
            + run("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>")
            + run("<w:fldChar w:fldCharType=\"separate\"/>") + run("<w:t>1</w:t>")
            + run("<w:fldChar w:fldCharType=\"end\"/>") + run("<w:t xml:space=\"preserve\"> —</w:t>")
            + "</w:p></w:ftr>"
    }

    /// Text as XML character data: markup escaped, characters XML 1.0 forbids dropped.
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n": continue
            case _ where scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
