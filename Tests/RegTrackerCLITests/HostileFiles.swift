import Foundation
import Testing

/// Writes the hostile and broken files of `HostileFilesTests` into a work folder at test time (nothing large is
/// kept in the repository) and checks that importing one leaves the database as it was.
enum HostileFiles {
    static let spreadsheetNamespace =
        #"xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet""#
    static let sheetNamespace = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#

    /// A SpreadsheetML list whose header and rows are fine, with `prolog` (a DOCTYPE) before the root and `cell`
    /// as the name of its one person.
    static func spreadsheetML(prolog: String, cell: String) -> String {
        """
        <?xml version="1.0"?>
        \(prolog)
        <Workbook \(spreadsheetNamespace)><Worksheet ss:Name="名单"><Table>
        <Row><Cell><Data ss:Type="String">姓名</Data></Cell><Cell><Data ss:Type="String">乡镇</Data></Cell>\
        <Cell><Data ss:Type="String">手机号</Data></Cell></Row>
        <Row><Cell><Data ss:Type="String">\(cell)</Data></Cell><Cell><Data ss:Type="String">青石镇</Data></Cell>\
        <Cell><Data ss:Type="String">13700137000</Data></Cell></Row>
        </Table></Worksheet></Workbook>
        """
    }

    /// A bare OOXML sheet part with a good header row, then `rows` (the row XML, without the header).
    static func sheetXML(_ rows: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet \(sheetNamespace)><sheetData>\
        <row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>乡镇</t></is></c>\
        <c r="C1" t="inlineStr"><is><t>手机号</t></is></c></row>\(rows)</sheetData></worksheet>
        """
    }

    static let billionLaughs: String = {
        var declarations = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"\(String(repeating: "&lol\(level - 1);", count: 10))\">"
        }
        return "<!DOCTYPE Workbook [\(declarations)]>"
    }()

    static func write(_ text: String, to path: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes `count` bytes made of `chunk` repeated after `head`, a megabyte at a time.
    static func write(head: String, repeating chunk: String, count: Int, to path: String) throws -> String {
        FileManager.default.createFile(atPath: path, contents: Data(head.utf8))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        let unit = Data(String(repeating: chunk, count: max(1, (1 << 20) / chunk.utf8.count)).utf8)
        var written = 0
        while written < count {
            let piece = unit.prefix(count - written)
            try handle.write(contentsOf: piece)
            written += piece.count
        }
        return path
    }

    static let python = Tools.find("python3")

    /// Runs a Python script (to write zip files with `zipfile`) in `folder`.
    static func python(_ script: String, in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(python))
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: message, as: UTF8.self))")
    }

    /// Python that writes a small .xlsx to `name`: a list sheet with a header and one person, unless `extra` (Python
    /// lines calling `part(name, text)` or using the ZipFile `z`) writes the sheet part itself.
    static func xlsxScript(_ name: String, extra: String = "") -> String {
        """
        import zipfile
        CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/></Types>'
        RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/></Relationships>'
        WB = '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
        <sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>'
        WBRELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
        Target="worksheets/sheet1.xml"/></Relationships>'
        SHEET = '''\(sheetXML(#"<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2" t="inlineStr"><is><t>青石镇</t></is></c><c r="C2" t="inlineStr"><is><t>13700137000</t></is></c></row>"#))'''
        z = zipfile.ZipFile('\(name)', 'w', zipfile.ZIP_DEFLATED, allowZip64=True)
        def part(name, text):
            z.writestr(name, text)
        part('[Content_Types].xml', CT)
        part('_rels/.rels', RELS)
        part('xl/workbook.xml', WB)
        part('xl/_rels/workbook.xml.rels', WBRELS)
        \(extra.isEmpty ? "part('xl/worksheets/sheet1.xml', SHEET)" : extra)
        z.close()
        """
    }
}

/// A database holding a roster and one imported list: the state a rejected file must leave unchanged.
struct ImportedBaseline {
    let tool: RegTrackerBinary
    let batches: String
    let report: String

    init() throws {
        tool = try RegTrackerBinary()
        let fixtures = RegTrackerBinary.fixtures
        #expect(try tool.run("population", "import", "\(fixtures)/roster.csv").status == 0)
        #expect(try tool.run("import", "\(fixtures)/lists/01-青石镇.csv").status == 0)
        batches = try tool.run("batches", "--json").stdout
        report = try tool.run("report", "--json").stdout
    }

    /// Imports `path` under measurement and checks what every hostile file must give: exit 1, an error naming the
    /// file, no crash, no hang, bounded memory and nothing stored.
    @discardableResult
    func expectRejected(
        _ path: String, saying words: [String] = [], timeout: Double = 60,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> MeasuredRun {
        let name = (path as NSString).lastPathComponent
        let run = try tool.measured(["import", path], timeout: timeout)
        #expect(!run.timedOut, "\(name): still running after \(timeout) s", sourceLocation: sourceLocation)
        #expect(run.status == 1, "\(name): exit \(run.status); \(run.stderr)", sourceLocation: sourceLocation)
        #expect(
            run.stderr.contains(name), "\(name): the error does not name the file: \(run.stderr)",
            sourceLocation: sourceLocation)
        for word in words {
            #expect(
                run.stderr.contains(word), "\(name): expected \"\(word)\" in \(run.stderr)",
                sourceLocation: sourceLocation)
        }
        #expect(run.peakMegabytes < 300, "\(name): peak memory \(run.peakMegabytes) MB", sourceLocation: sourceLocation)
        expectUnchanged(name, sourceLocation: sourceLocation)
        return run
    }

    func expectUnchanged(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            (try? tool.run("batches", "--json").stdout) == batches, "\(name) left a batch",
            sourceLocation: sourceLocation)
        #expect(
            (try? tool.run("report", "--json").stdout) == report, "\(name) changed the figures",
            sourceLocation: sourceLocation)
    }
}
