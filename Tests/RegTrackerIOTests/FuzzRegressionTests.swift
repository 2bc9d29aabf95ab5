import Foundation
import RegTrackerCore
import RegTrackerIO
import Testing

/// Replays the fuzzing corpora (Tests/Fuzz: the seeds, and every input `make fuzz` found to crash, hang or run out
/// of memory) through the entry points the fuzz targets call: each file must be read to the end or refused with a
/// `ReadError`, never crash. The inputs are copied under the name the target gives them, since the readers choose
/// by extension and the sheet reader looks for `sharedStrings.xml` beside the sheet.
@Suite struct FuzzRegressionTests {
    static let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    /// The fuzz targets: the file name each gives its input.
    static let readerTargets = [
        "csv": "input.csv", "spreadsheetml": "input.xml", "ooxml-sheet": "sheet1.xml", "xlsx": "input.xlsx",
        "xls": "input.xls",
    ]

    static func inputs(_ target: String) -> [URL] {
        ["seeds", "regressions"].flatMap { kind in
            let folder = corpora.appendingPathComponent(kind).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
        }
    }

    @Test func theCorporaAreThere() {
        for target in Array(Self.readerTargets.keys) + ["cell"] {
            #expect(!Self.inputs(target).isEmpty, "no seeds for \(target) in \(Self.corpora.path)")
        }
    }

    @Test(arguments: ["csv", "spreadsheetml", "ooxml-sheet", "xlsx", "xls"])
    func everyReaderInputIsReadOrRefusedWithAReadError(target: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regtracker-fuzz-replay-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The ooxml-sheet target keeps a fixed shared-strings table beside the sheet.
        try Data(
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>姓名</t></si><si><t>身份证号</t>\
            </si><si><r><t>手机</t></r><r><t>号码</t></r></si><si><t> 青石镇_x000D_ </t><rPh><t>qing</t></rPh></si></sst>
            """.utf8
        ).write(to: folder.appendingPathComponent("sharedStrings.xml"))
        let path = folder.appendingPathComponent(Self.readerTargets[target]!).path
        for input in Self.inputs(target) {
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.copyItem(at: input, to: URL(fileURLWithPath: path))
            let options: [ReadOptions] =
                switch target {
                case "csv": [ReadOptions(), ReadOptions(encoding: .utf8), ReadOptions(encoding: .gb18030)]
                case "spreadsheetml":
                    [ReadOptions(), ReadOptions(sheet: .position(2)), ReadOptions(sheet: .name("Sheet1"))]
                default: [ReadOptions()]
                }
            for option in options {
                do {
                    var reader = try TableOpener.open(path: path, options: option)
                    while let row = try reader.nextRow() {
                        #expect(row.number >= 1, "\(input.lastPathComponent)")
                    }
                } catch {
                    // A ReadError is a fine answer; the typed throws make it the only one.
                    #expect(!error.description.isEmpty, "\(input.lastPathComponent)")
                }
            }
        }
    }

    @Test func everyCellInputGoesThroughTheNormaliser() {
        let today = CivilDate(year: 2026, month: 11, day: 29)
        for input in Self.inputs("cell") {
            let bytes = [UInt8]((try? Data(contentsOf: input)) ?? Data())
            let text = String(decoding: bytes, as: UTF8.self)
            let cleaned = CellText.clean(text)
            #expect(CellText.clean(cleaned) == cleaned, "\(input.lastPathComponent)")
            _ = CellText.compact(text)
            var cells: [Cell] = [.text(text)]
            if bytes.count >= 8 {
                cells.append(.number(Double(bitPattern: bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) })))
            }
            for cell in cells {
                if case .valid(let value, _) = IDNumber.parse(cell, today: today) { #expect(value.utf8.count == 18) }
                if case .valid(let value, _) = Phone.parse(cell) { #expect(value.utf8.count == 11) }
                _ = Verdict.parse(cell)
                _ = RegisteredAt.parse(cell).storedText
                _ = cell.displayText
            }
        }
    }
}
