import Foundation
import Testing

/// Issue 6: hostile and broken files through the real `regtracker import`. Each is rejected with an error that names
/// the file, exit 1 and nothing stored (`batches --json` and `report --json` unchanged), without crashing, hanging
/// (a deadline) or using unbounded memory (the child's peak RSS, from `wait4`, stays under 300 MB).
/// Serialized: some files are large, and the machines have two cores.
@Suite(.serialized) struct HostileFilesTests {
    // MARK: - XML

    @Test func anExternalEntityIsRefusedAndTheFileItNamesIsNeverRead() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        let path = try HostileFiles.write(
            HostileFiles.spreadsheetML(
                prolog: #"<!DOCTYPE Workbook [<!ENTITY secret SYSTEM "file:///etc/passwd">]>"#, cell: "张&secret;三"),
            to: base.tool.workFolder + "/xxe.xml")
        let run = try base.expectRejected(path, saying: ["DOCTYPE"], timeout: 30)
        #expect(!run.stdout.contains("root:") && !run.stderr.contains("root:"))
        #expect(!(try base.tool.run("rejects").stdout.contains("root:")))
    }

    @Test func entityExpansionIsRefusedAtOnce() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        let path = try HostileFiles.write(
            HostileFiles.spreadsheetML(prolog: HostileFiles.billionLaughs, cell: "&lol9;"),
            to: base.tool.workFolder + "/laughs.xml")
        let run = try base.expectRejected(path, saying: ["DOCTYPE"], timeout: 30)
        #expect(run.seconds < 10)
    }

    @Test func aDTDOnTheNetworkIsNeverFetched() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        let path = try HostileFiles.write(
            HostileFiles.spreadsheetML(
                prolog: #"<!DOCTYPE Workbook SYSTEM "http://example.invalid/x.dtd">"#, cell: "张三"),
            to: base.tool.workFolder + "/network-dtd.xml")
        // Refused before anything is fetched: fast even where the network would answer slowly.
        let run = try base.expectRejected(path, saying: ["DOCTYPE"], timeout: 30)
        #expect(run.seconds < 10)
    }

    @Test func aSheetWiderThanExcelIsRefused() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        // A million empty cells without references: they count columns past XFD.
        let manyCells = try HostileFiles.write(
            HostileFiles.sheetXML(#"<row r="2">"# + String(repeating: "<c/>", count: 1_000_000) + "</row>"),
            to: base.tool.workFolder + "/million-columns.xml")
        try base.expectRejected(manyCells, saying: ["XFD"])
        // A reference one column past XFD.
        let pastXFD = try HostileFiles.write(
            HostileFiles.sheetXML(#"<row r="2"><c r="XFE2"><v>1</v></c></row>"#),
            to: base.tool.workFolder + "/past-xfd.xml")
        try base.expectRejected(pastXFD, saying: ["XFD"])
        // SpreadsheetML: a cell at index one million.
        let spreadsheetML = try HostileFiles.write(
            HostileFiles.spreadsheetML(prolog: "", cell: "张三").replacingOccurrences(
                of: "<Cell><Data ss:Type=\"String\">青石镇",
                with: "<Cell ss:Index=\"1000000\"><Data ss:Type=\"String\">青石镇"),
            to: base.tool.workFolder + "/index-million.xml")
        try base.expectRejected(spreadsheetML, saying: ["16384"])
    }

    @Test func aSheetWithACellAtXFDInEveryRowReadsInBoundedMemory() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        // Every row is 16,384 columns wide but holds no person: no header row is found, and memory stays flat.
        let rows = (2...20_000).map { #"<row r="\#($0)"><c r="XFD\#($0)"><v>1</v></c></row>"# }.joined()
        let path = try HostileFiles.write(
            HostileFiles.sheetXML(rows).replacingOccurrences(of: "姓名", with: "甲").replacingOccurrences(
                of: "手机号", with: "乙"),
            to: base.tool.workFolder + "/xfd-rows.xml")
        try base.expectRejected(path, saying: ["header"])
    }

    @Test func aSpreadsheetMLRowWithACellInTheLastColumnInEveryRowReadsInBoundedMemory() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        // `ss:Index` puts each row's one cell in column 16,384: no header row is found, and memory stays flat (a
        // chunk of the push parse holds about a thousand such rows, which as full rows would take 400 MB).
        let row = #"<Row><Cell ss:Index="16384"><Data ss:Type="Number">1</Data></Cell></Row>"#
        let rows = String(repeating: row + "\n", count: 20_000)
        let text = HostileFiles.spreadsheetML(prolog: "", cell: "张三")
            .replacingOccurrences(of: "姓名", with: "甲").replacingOccurrences(of: "手机号", with: "乙")
            .replacingOccurrences(of: "</Table>", with: rows + "</Table>")
        let path = try HostileFiles.write(text, to: base.tool.workFolder + "/index-rows.xml")
        try base.expectRejected(path, saying: ["header"])
    }

    // MARK: - Zip

    @Test(.enabled(if: HostileFiles.python != nil, "python3 writes the zip files"))
    func aZipBombIsRefusedBeforeItIsUnpacked() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        let folder = base.tool.workFolder
        // 3 GB of spaces in the sheet part, deflated to a few megabytes, its size declared truthfully.
        try HostileFiles.python(
            HostileFiles.xlsxScript(
                "bomb.xlsx",
                extra: """
                    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as sheet:
                        sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                        block = b' ' * (1 << 24)
                        for _ in range(192): sheet.write(block)
                        sheet.write(b'</sheetData></worksheet>')
                    """), in: folder)
        let size = try FileManager.default.attributesOfItem(atPath: folder + "/bomb.xlsx")[.size] as? Int ?? 0
        #expect(size < 8 << 20, "the bomb itself stays small: \(size) bytes")
        let run = try base.expectRejected(folder + "/bomb.xlsx", saying: ["zip bomb"])
        #expect(run.seconds < 20)
    }

    @Test(.enabled(if: HostileFiles.python != nil, "python3 writes the zip files"))
    func aZipPartLargerThanItClaimsIsRefused() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        let folder = base.tool.workFolder
        // 512 MB of spaces whose headers claim 1,000 bytes: unpacking stops at the claim.
        try HostileFiles.python(
            HostileFiles.xlsxScript(
                "liar.xlsx",
                extra: """
                    import struct
                    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=False) as sheet:
                        block = b' ' * (1 << 24)
                        for _ in range(32): sheet.write(block)
                    z.close()
                    data = bytearray(open('liar.xlsx', 'rb').read())
                    target = b'xl/worksheets/sheet1.xml'
                    for signature, size_at, name_length_at, name_at in ((b'PK\\x03\\x04', 22, 26, 30), (b'PK\\x01\\x02', 24, 28, 46)):
                        i = data.find(signature)
                        while i >= 0:
                            n = struct.unpack_from('<H', data, i + name_length_at)[0]
                            if data[i + name_at:i + name_at + n] == target:
                                struct.pack_into('<I', data, i + size_at, 1000)
                            i = data.find(signature, i + 4)
                    open('liar.xlsx', 'wb').write(data)
                    z = zipfile.ZipFile('/dev/null', 'w')
                    """), in: folder)
        try base.expectRejected(folder + "/liar.xlsx", saying: ["claims"])
    }

    @Test(.enabled(if: HostileFiles.python != nil, "python3 writes the zip files"))
    func zipEntryNamesThatClimbOutOfThePackageAreRefused() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        let folder = base.tool.workFolder
        let escape = "regtracker-escaped-\(UUID().uuidString).xml"
        try HostileFiles.python(
            HostileFiles.xlsxScript(
                "climb.xlsx",
                extra: """
                    part('xl/worksheets/sheet1.xml', SHEET)
                    part('../../../../../../tmp/\(escape)', SHEET)
                    """), in: folder)
        try base.expectRejected(folder + "/climb.xlsx", saying: ["outside the package"])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/" + escape))
        #expect(!FileManager.default.fileExists(atPath: folder + "/../" + escape))

        // A relationship whose target climbs out names no part of the package: nothing outside is read.
        try HostileFiles.python(
            HostileFiles.xlsxScript(
                "target.xlsx",
                extra: """
                    z.close()
                    import zipfile as zf
                    src = zf.ZipFile('target.xlsx')
                    parts = {n: src.read(n) for n in src.namelist()}
                    src.close()
                    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace(
                        b'worksheets/sheet1.xml', b'../../../../../etc/passwd')
                    z = zf.ZipFile('target.xlsx', 'w', zf.ZIP_DEFLATED)
                    for n, d in parts.items(): z.writestr(n, d)
                    """), in: folder)
        let run = try base.expectRejected(folder + "/target.xlsx")
        #expect(!run.stderr.contains("root:"))
    }

    // MARK: - CSV

    @Test func aHundredMegabyteLineWithoutANewlineIsRefused() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        let path = try HostileFiles.write(
            head: "姓名,乡镇,手机号\n", repeating: "0123456789abcdef", count: 100 << 20,
            to: base.tool.workFolder + "/long-line.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try base.expectRejected(path, saying: ["line 2", "MB"])
    }

    @Test func aRecordWithMoreFieldsThanASheetHasColumnsIsRefused() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        // Thirty rows of half a million fields each: held for header detection, they would take gigabytes.
        let row = String(repeating: "x,", count: 500_000) + "x\n"
        let path = try HostileFiles.write(
            head: "", repeating: row, count: row.utf8.count * 30, to: base.tool.workFolder + "/wide.csv")
        try base.expectRejected(path, saying: ["line 1", "16384"])
    }

    @Test func millionsOfBlankLinesAreReadInBoundedMemory() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        let path = try HostileFiles.write(
            head: "", repeating: "\n", count: 30_000_000, to: base.tool.workFolder + "/blank-lines.csv")
        try base.expectRejected(path, saying: ["header"])
    }

    // MARK: - Not a usable file

    @Test func anEmptyFileIsRefusedInEveryFormat() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        for name in ["empty.csv", "empty.txt", "empty.xml", "empty.xlsx", "empty.xls"] {
            let path = try HostileFiles.write("", to: base.tool.workFolder + "/" + name)
            try base.expectRejected(path, timeout: 30)
        }
    }

    @Test func aFolderNamedLikeAFileIsAFolder() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        // README "Where the spec left room": a folder with nothing to import is reported on stderr, not an error.
        let folder = base.tool.workFolder + "/x.csv"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let run = try base.tool.measured(["import", folder + "/"], timeout: 30)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("x.csv"))
        base.expectUnchanged("x.csv/")
        // Inside an inbox, a folder named like a file is not a file: the inbox has nothing to import.
        let inbox = base.tool.workFolder + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox + "/y.xlsx", withIntermediateDirectories: true)
        #expect(try base.tool.measured(["import", inbox], timeout: 30).status == 0)
        base.expectUnchanged("inbox/y.xlsx/")
    }

    /// Tests run as root, for whom `chmod 000` takes nothing away: a FIFO (opening it for reading would block
    /// forever) and a dangling symlink stand in for an unreadable file; `chmod 000` is tried too when not root.
    @Test func aFileThatCannotBeReadIsRefusedWithoutHanging() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        let fifo = base.tool.workFolder + "/fifo.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        try base.expectRejected(fifo, saying: ["not a regular file"], timeout: 30)

        let dangling = base.tool.workFolder + "/dangling.csv"
        try FileManager.default.createSymbolicLink(
            atPath: dangling, withDestinationPath: base.tool.workFolder + "/gone.csv")
        try base.expectRejected(dangling, timeout: 30)

        if getuid() != 0 {
            let locked = try HostileFiles.write(
                "姓名,乡镇,手机号\n张三,青石镇,13700137000\n", to: base.tool.workFolder + "/locked.csv")
            chmod(locked, 0)
            try base.expectRejected(locked, timeout: 30)
        }
    }

    @Test func aFileNameWithSpacesChineseAndQuotesImports() throws {
        let base = try ImportedBaseline()
        defer { base.tool.cleanUp() }
        let name = #"青石镇 "补报" 'v2' 名单.csv"#
        let path = try HostileFiles.write(
            "姓名,乡镇,手机号\n张三丰,青石镇,13700137000\n", to: base.tool.workFolder + "/" + name)
        let run = try base.tool.measured(["import", path], timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        let batches = try base.tool.run("batches", "--json").json["batches"] as? [[String: Any]] ?? []
        #expect(batches.last?["file"] as? String == name)
        #expect(batches.last?["rows"] as? Int == 1)
        // And again: already imported, under any name.
        let again = try base.tool.run("import", path)
        #expect(again.status == 0)
        #expect((try base.tool.run("batches", "--json").json["batches"] as? [[String: Any]])?.count == batches.count)
    }
}
