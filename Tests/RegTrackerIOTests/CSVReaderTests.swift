import Foundation
import RegTrackerCore
import Testing

@testable import RegTrackerIO

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { index < count ? self[index] : nil }
}

@Suite struct CSVReaderTests {
    func rows(_ bytes: [UInt8], options: ReadOptions = ReadOptions()) throws -> (TableDescription, [SourceRow]) {
        let path = NSTemporaryDirectory() + "csv-\(UUID().uuidString).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try CSVReader(path: path, options: options)
        var rows: [SourceRow] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return (reader.description, rows)
    }

    func rows(_ text: String) throws -> [SourceRow] { try rows(Array(text.utf8)).1 }

    func texts(_ row: SourceRow) -> [String] { row.cells.map(\.displayText) }

    @Test func quotedFieldsKeepSeparatorsQuotesAndNewlines() throws {
        let rows = try rows("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x,\r\nlast,,\"\"")
        #expect(rows.map(texts) == [["a", "b,c", "say \"hi\""], ["multi\nline", "x", ""], ["last", "", ""]])
        #expect(rows.map(\.number) == [1, 2, 3])
        // The second record starts on line 2 and spans two lines, so the third starts on line 4.
        #expect(rows.map(\.line) == [1, 2, 4])
        #expect(rows[2].cells[2] == .text(""))
        #expect(rows[2].cells[1] == .empty)
    }

    @Test(arguments: [("a\tb\n1\t2\n", "\t"), ("a;b\n1;2\n", ";"), ("a,b\n1,2\n", ","), ("title only\na;b,c;d\n", ";")])
    func separatorIsDetected(text: String, separator: Character) throws {
        let (description, _) = try rows(Array(text.utf8))
        #expect(description.delimiter == separator)
    }

    @Test func blankLinesAreRowsWithoutCellsAndKeepTheirNumbers() throws {
        let rows = try rows("title\r\n\r\nname,phone\rA,1\n")
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(rows[1].cells.isEmpty)
        #expect(texts(rows[3]) == ["A", "1"])
    }

    @Test func aBOMIsDroppedAndNamed() throws {
        let (description, rows) = try rows([0xEF, 0xBB, 0xBF] + Array("姓名,手机\n张三,1\n".utf8))
        #expect(description.encoding == "utf-8-bom")
        #expect(texts(rows[0]) == ["姓名", "手机"])
    }

    @Test func oneBadByteInAUTF8FileIsNamedOnItsOwnLine() throws {
        let text = (["乡镇,姓名"] + (1...999).map { "青石镇,张\($0)" }).joined(separator: "\n") + "\n"
        #expect(throws: ReadError(.notUTF8, at: .line(1001))) {
            _ = try rows(Array(text.utf8) + [0xFF, 0x2C, 0x61, 0x0A])
        }
    }

    @Test func aBadByteInAShortUTF8FileIsNamedOnItsOwnLine() throws {
        // Too few Chinese characters before the bad byte to call the file UTF-8 by them: it reads further as UTF-8
        // than as GB18030, so the error is UTF-8's, on the bad byte's line.
        let bytes = Array("乡镇,姓名,手机号\n青石镇,张三,13812345678\n青石镇,".utf8) + [0xFF] + Array(",13812345699\n".utf8)
        #expect(throws: ReadError(.notUTF8, at: .line(3))) { _ = try rows(bytes) }
    }

    @Test func gb18030IsDetectedAndDecoded() throws {
        let (description, rows) = try rows(try TextDecoding.gb18030("姓名,乡镇\r\n张三,青石镇\r\n"))
        #expect(description.encoding == "gb18030")
        #expect(rows.map(texts) == [["姓名", "乡镇"], ["张三", "青石镇"]])
    }

    /// Excel's "Unicode text" (Unicode 文本): UTF-16 after a byte order mark, tab separated; a character outside
    /// the BMP (a surrogate pair) and a 2-byte unit straddle the 1 MiB chunk boundary.
    @Test(arguments: [false, true])
    func utf16WithAByteOrderMarkIsDetectedAndDecoded(bigEndian: Bool) throws {
        let line = "青石镇\t张𠀀三\t13812345678\r\n"
        let count = ByteChunks.chunkSize / (line.utf16.count * 2) + 20
        let text = "乡镇\t姓名\t手机号码\r\n" + String(repeating: line, count: count)
        let units = text.utf16.flatMap { unit in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let (description, read) = try rows((bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + units)
        #expect(description.encoding == (bigEndian ? "utf-16be" : "utf-16le"))
        #expect(read.count == count + 1)
        #expect(texts(read[0]) == ["乡镇", "姓名", "手机号码"])
        #expect(read.dropFirst().allSatisfy { texts($0) == ["青石镇", "张𠀀三", "13812345678"] })
        // An unpaired surrogate is named at its line.
        let broken: [UInt8] =
            [0xFF, 0xFE] + Array("a\tb\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0x00, 0xD8, 0x41, 0x00]
        if !bigEndian { #expect(throws: ReadError(.notUTF16, at: .line(2))) { _ = try rows(broken) } }
    }

    @Test(arguments: [false, true])
    func multiByteCharactersAcrossChunkBoundariesSurvive(gb18030: Bool) throws {
        // Each line is 3 + 3×k bytes in UTF-8, so some character straddles the 1 MiB chunk boundary.
        let line = "序号,青石镇张三李四王五\n"
        let text = String(repeating: line, count: (ByteChunks.chunkSize / line.utf8.count) + 50)
        let bytes = gb18030 ? try TextDecoding.gb18030(text) : Array(text.utf8)
        let (_, rows) = try rows(bytes)
        #expect(rows.count == (ByteChunks.chunkSize / line.utf8.count) + 50)
        #expect(rows.allSatisfy { texts($0) == ["序号", "青石镇张三李四王五"] })
    }

    @Test func randomRecordsAcrossChunkBoundariesComeBackCellForCell() throws {
        // Quoted fields with separators, quotes and every kind of line end, empty and quoted-empty fields, quotes
        // inside unquoted fields, long fields: over 2.5 MiB, so that fields of every kind straddle chunk boundaries.
        var random = SeededRandom(seed: 17)
        let pieces = ["a", "青石镇", "510", " ", "\"", ",", "\n", "\r\n", "\r", "x\"y", "张三"]
        var text = ""
        var expected: [(cells: [Cell], line: Int)] = []
        var line = 1
        // A line feed, or a carriage return not followed by one, ends a line.
        func lineEnds(_ text: String) -> Int {
            let bytes = Array(text.utf8)
            return bytes.indices.filter { index in
                bytes[index] == 0x0A || (bytes[index] == 0x0D && bytes[safe: index + 1] != 0x0A)
            }.count
        }
        while text.utf8.count < 5 * ByteChunks.chunkSize / 2 {
            var cells: [Cell] = []
            var fields: [String] = []
            for _ in 0..<Int.random(in: 2...9, using: &random) {
                var value = ""
                let length = Int.random(in: 0...6, using: &random) == 0 ? 600 : Int.random(in: 0...4, using: &random)
                for _ in 0..<length { value += pieces.randomElement(using: &random)! }
                let special = value.contains { $0 == "," || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
                if value.isEmpty && Bool.random(using: &random) {
                    fields.append("\"\"")
                    cells.append(.text(""))
                } else if value.isEmpty {
                    fields.append("")
                    cells.append(.empty)
                } else if special || value.hasPrefix("\"") || Int.random(in: 0...3, using: &random) == 0 {
                    fields.append("\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
                    cells.append(.text(value))
                } else {
                    fields.append(value)
                    cells.append(.text(value))
                }
            }
            let record = fields.joined(separator: ",")
            let end = ["\n", "\r\n", "\r"].randomElement(using: &random)!
            expected.append((cells, line))
            line += lineEnds(record) + 1
            text += record + end
        }
        let (_, rows) = try rows(Array(text.utf8))
        #expect(rows.count == expected.count)
        for (index, (row, want)) in zip(rows, expected).enumerated() {
            #expect(row.cells == want.cells, "record \(index + 1)")
            #expect(row.line == want.line, "record \(index + 1)")
            #expect(row.number == index + 1)
            if row.cells != want.cells || row.line != want.line { break }
        }
    }

    @Test func invalidUTF8WithForcedEncodingNamesTheLine() throws {
        let bytes = Array("a,b\nc,d\n".utf8) + [0xC4, 0xE3, 0x0A]
        #expect(throws: ReadError.self) { try rows(bytes, options: ReadOptions(encoding: .utf8)) }
        do {
            _ = try rows(bytes, options: ReadOptions(encoding: .utf8))
        } catch let error as ReadError {
            #expect(error == ReadError(.notUTF8, at: .line(3)))
        }
    }

    @Test func anUnclosedQuoteRejectsTheFileNamingWhereItOpened() throws {
        do {
            _ = try rows("a,b\n\"open,x\ny,z\n")
            Issue.record("expected an error")
        } catch let error as ReadError {
            #expect(error == ReadError(.unclosedQuote, at: .line(2)))
        }
    }

    @Test func aRecordOfManyMegabytesIsRefusedInsteadOfRead() throws {
        let huge = [UInt8](repeating: UInt8(ascii: "x"), count: CSVReader.maximumRecordBytes + 10)
        #expect(throws: ReadError.self) { try rows(Array("a,b\n".utf8) + huge) }
    }

    @Test func bytesThatAreNeitherUTF8NorGB18030AreRejected() throws {
        // 0x80 alone is not a GB18030 lead byte.
        #expect(throws: ReadError.self) { try rows(Array("a,b\n".utf8) + [0xFF, 0x80, 0x0A]) }
    }
}
