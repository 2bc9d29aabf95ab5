import Foundation
import RegTrackerCore
import Testing

@testable import RegTrackerIO

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

    @Test func gb18030IsDetectedAndDecoded() throws {
        let (description, rows) = try rows(try TextDecoding.gb18030("姓名,乡镇\r\n张三,青石镇\r\n"))
        #expect(description.encoding == "gb18030")
        #expect(rows.map(texts) == [["姓名", "乡镇"], ["张三", "青石镇"]])
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
