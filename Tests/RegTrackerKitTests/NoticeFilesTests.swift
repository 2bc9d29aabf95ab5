import Foundation
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The notice files people read: Markdown and HTML against golden files, the Word document part by part.
/// `REGTRACKER_UPDATE_GOLDEN=1 swift test --filter NoticeFiles` rewrites the golden files after an intended change.
@Suite struct NoticeFilesTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func written() throws -> (folder: String, paths: [String]) {
        let folder = NSTemporaryDirectory() + "regtracker-notice-" + UUID().uuidString
        return (folder, try NoticeFiles(folder: folder).write(NoticeFixture.november))
    }

    func expectGolden(_ path: String, named name: String) throws {
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let goldenPath = Self.golden.appendingPathComponent(name).path
        if ProcessInfo.processInfo.environment["REGTRACKER_UPDATE_GOLDEN"] == "1" {
            try Data(written.utf8).write(to: URL(fileURLWithPath: goldenPath))
            return
        }
        let expected = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(written == expected, "\(name) differs from Golden/\(name); REGTRACKER_UPDATE_GOLDEN=1 rewrites it")
    }

    @Test func fixtureIsAsHandComputed() {
        let notice = NoticeFixture.november
        #expect(notice.named.map(\.figures.township) == ["桃源乡", "白沙镇"])
        #expect(notice.township("桃源乡")?.timesNamed == 2 && notice.township("桃源乡")?.card == .yellow)
        #expect(notice.township("白沙镇")?.timesNamed == 1 && notice.township("白沙镇")?.card == nil)
        #expect(notice.township("青石镇")?.change == NoticeChange(valid: 100, rateMillionths: 100_000, rank: 0))
        #expect(notice.township("龙泉街道")?.change == NoticeChange(valid: 1, rateMillionths: 166_667, rank: 0))
        #expect(notice.township("空白乡")?.change == nil)
    }

    @Test func markdownAndHTMLMatchTheirGoldenFiles() throws {
        let (folder, paths) = try Self.written()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(
            paths.map { ($0 as NSString).lastPathComponent }.prefix(3) == [
                "通报-2026-11.md", "通报-2026-11.html", "通报-2026-11.docx",
            ])
        try expectGolden(paths[0], named: "notice.md")
        try expectGolden(paths[1], named: "notice.html")
    }

    @Test func theTextSaysWhatTheRulesDecided() {
        let document = NoticeDocument(NoticeFixture.november)
        #expect(document.title == "关于2026年11月全县国家反诈中心APP注册推广工作情况的通报")
        let text = document.blocks.map { "\($0)" }.joined()
        #expect(text.contains("给予黄牌警告，约谈分管领导"))
        #expect(text.contains("龙泉街道、空白乡"))
        #expect(text.contains("较上期有效注册增加20人，注册率上升10.00个百分点，名次不变"))
        let week = NoticeDocument(
            NoticeRules.issue(
                period: NoticePeriod(parsing: "2026-W48")!, issued: CivilDate(year: 2026, month: 11, day: 30),
                report: NoticeFixture.figures([1, 1, 1, 1, 0]), bottom: 5, cards: .default,
                history: NoticeRules.History(previous: nil, timesNamedBefore: [:]), notReported: []))
        #expect(week.title == "关于2026年第48周全县国家反诈中心APP注册推广工作情况的通报")
        // Bottom 5 with 4 unmet (1 valid each: 青石镇 1/1000, 桃源乡 1/200, 白沙镇 1/8, 龙泉街道 1/6): all four, said so.
        #expect(week.blocks.contains(.paragraph("未达标的4个乡镇（街道）均予以通报（按注册率由低到高）：")))
        #expect(week.blocks.contains(.paragraph("现将2026年第48周（2026年11月23日至2026年11月29日）全县国家反诈中心APP注册推广工作情况通报如下。")))
    }

    /// Every part of the package, by path.
    static func parts(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        return parts
    }

    @Test func everyPartOfTheWordDocumentIsWellFormedAndDeclared() throws {
        let data = try NoticeFiles.docx(NoticeDocument(NoticeFixture.november), issued: NoticeFixture.november.issued)
        let parts = try Self.parts(data)
        for required in [
            "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
            "word/_rels/document.xml.rels", "word/footer1.xml", "word/fontTable.xml",
        ] {
            #expect(parts[required] != nil, "\(required) is missing")
        }
        for (path, bytes) in parts {
            let parser = XMLParser(data: bytes)
            #expect(parser.parse(), "\(path) is not well-formed: \(String(describing: parser.parserError))")
        }
        let types = String(decoding: parts["[Content_Types].xml"]!, as: UTF8.self)
        for path in parts.keys where path != "[Content_Types].xml" && !path.hasSuffix(".rels") {
            #expect(types.contains("PartName=\"/\(path)\""), "\(path) has no content type")
        }
        #expect(types.contains("Extension=\"rels\""))
        // Every relationship target exists.
        let relationships = String(decoding: parts["word/_rels/document.xml.rels"]!, as: UTF8.self)
        for target in ["styles.xml", "settings.xml", "fontTable.xml", "footer1.xml", "footer2.xml"] {
            #expect(relationships.contains("Target=\"\(target)\"") && parts["word/\(target)"] != nil)
        }
    }

    @Test func pageSizeAndMarginsAreThoseOfGBT9704() throws {
        let data = try NoticeFiles.docx(NoticeDocument(NoticeFixture.november), issued: NoticeFixture.november.issued)
        let document = String(decoding: try Self.parts(data)["word/document.xml"]!, as: UTF8.self)
        func twips(_ millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }
        #expect(document.contains("<w:pgSz w:w=\"\(twips(210))\" w:h=\"\(twips(297))\"/>"))
        #expect(
            document.contains(
                "<w:pgMar w:top=\"\(twips(37))\" w:right=\"\(twips(26))\" w:bottom=\"\(twips(35))\" w:left=\"\(twips(28))\""
            ))
        // 22 lines in the 225 mm text block, 28 characters of 16 pt in its 156 mm.
        #expect(document.contains("w:linePitch=\"579\""))
        #expect(22 * 579 <= twips(225) && 23 * 579 > twips(225))
        // 28 characters of 16 pt condensed by 0.25 pt fit the 156 mm line, 29 do not.
        #expect(document.contains("<w:docGrid w:type=\"lines\""))
        let advance = 320 + NoticeWordML.Page.condense
        #expect(28 * advance <= twips(156) && 29 * advance > twips(156))
        let styles = String(decoding: try Self.parts(data)["word/styles.xml"]!, as: UTF8.self)
        let title = try #require(styles.range(of: "w:styleId=\"NoticeTitle\"")).upperBound
        let titleStyle = styles[title...].prefix { $0 != "/" || true }.prefix(400)
        #expect(titleStyle.contains("w:eastAsia=\"方正小标宋简体\"") && titleStyle.contains("<w:sz w:val=\"44\"/>"))
        #expect(styles.contains("w:eastAsia=\"仿宋_GB2312\""))
        #expect(styles.contains("w:eastAsia=\"黑体\"") && styles.contains("w:eastAsia=\"楷体_GB2312\""))
        let footer = String(decoding: try Self.parts(data)["word/footer1.xml"]!, as: UTF8.self)
        #expect(footer.contains("PAGE") && footer.contains("— "))
    }

    @Test func theWordTextHoldsEveryNamedTownshipCardAndFigure() throws {
        let notice = NoticeFixture.november
        let data = try NoticeFiles.docx(NoticeDocument(notice), issued: notice.issued)
        let text = WordText.text(of: try Self.parts(data)["word/document.xml"]!)
        #expect(text.contains("关于2026年11月全县国家反诈中心APP注册推广工作情况的通报"))
        for township in notice.named {
            #expect(text.contains(township.figures.township))
            #expect(text.contains(township.figures.ratePercent))
            #expect(text.contains("尚差\(township.figures.shortfall)人"))
            #expect(text.contains("累计被通报\(township.timesNamed)次"))
        }
        #expect(text.contains("黄牌警告") && text.contains("约谈分管领导"))
        for township in notice.townships { #expect(text.contains(township.figures.township)) }
        for name in notice.notReported { #expect(text.contains(name)) }
    }

    static let soffice: String? = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let pdftotext: String? = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: soffice != nil && pdftotext != nil, "needs soffice and pdftotext (make test-setup)"))
    func libreOfficeOpensTheWordDocument() throws {
        let (folder, paths) = try Self.written()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let docx = try #require(paths.first { $0.hasSuffix(".docx") })
        let profile = folder + "/lo-profile"
        try Self.runTool(
            Self.soffice!,
            ["-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir", folder, docx])
        let pdf = (docx as NSString).deletingPathExtension + ".pdf"
        #expect(FileManager.default.fileExists(atPath: pdf))
        try Self.runTool(Self.pdftotext!, ["-enc", "UTF-8", pdf, folder + "/notice.txt"])
        let text = try String(contentsOfFile: folder + "/notice.txt", encoding: .utf8).filter { !$0.isWhitespace }
        for township in NoticeFixture.november.named {
            #expect(text.contains(township.figures.township), "\(township.figures.township) not in the PDF")
        }
        #expect(text.contains("黄牌警告"))
    }

    static func runTool(_ path: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(path) failed")
    }
}

/// The text of a WordprocessingML part: every `w:t` in order.
final class WordText: NSObject, XMLParserDelegate {
    private var inText = false
    private var text = ""

    static func text(of data: Data) -> String {
        let collector = WordText()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        parser.parse()
        return collector.text
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == "w:t" { inText = true }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "w:t" { inText = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }
}
