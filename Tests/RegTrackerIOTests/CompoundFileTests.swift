import Foundation
import RegTrackerCore
import Testing

@testable import RegTrackerIO

/// Compound files and BIFF8 workbooks built in memory, sound or damaged on purpose.
enum TestWorkbook {
    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let free: UInt32 = 0xFFFF_FFFF

    static func u16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
    static func u32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    static func record(_ type: UInt16, _ data: [UInt8]) -> [UInt8] { u16(Int(type)) + u16(data.count) + data }

    /// A BIFF8 workbook stream: globals with one sheet and `sst`, then the sheet with `cells` (records).
    static func biff8(sst: [UInt8]? = nil, cells: [[UInt8]]) -> [UInt8] {
        let bof = { (kind: Int) in record(0x0809, u16(0x0600) + u16(kind) + [0, 0, 0, 0] + [0, 0, 0, 0, 0, 0, 0, 0]) }
        let eof = record(0x000A, [])
        let name = Array("名单".utf16).flatMap { u16(Int($0)) }
        func globals(_ offset: Int) -> [UInt8] {
            bof(0x0005) + record(0x0085, u32(UInt32(offset)) + [0, 0, 2, 1] + name) + (sst ?? []) + eof
        }
        let head = globals(0)
        return globals(head.count) + bof(0x0010) + cells.flatMap { $0 } + eof
    }

    static func number(_ row: Int, _ column: Int, _ value: Double) -> [UInt8] {
        record(0x0203, u16(row) + u16(column) + u16(0) + (0..<8).map { UInt8((value.bitPattern >> (8 * $0)) & 0xFF) })
    }

    /// A compound file of 512-byte sectors holding `stream` under `name`: the stream's sectors, one directory
    /// sector, one FAT sector. A stream under 4,096 bytes is padded with zeros to that size (not to go to the mini
    /// stream). `damage` may change the FAT and the directory before they are written.
    static func compoundFile(
        _ stream: [UInt8], name: String = "Workbook", damage: (inout [UInt32], inout [UInt8]) -> Void = { _, _ in }
    ) -> [UInt8] {
        let stream = stream.count < 4096 ? stream + [UInt8](repeating: 0, count: 4096 - stream.count) : stream
        var padded = stream
        padded += [UInt8](repeating: 0, count: (512 - padded.count % 512) % 512)
        let count = padded.count / 512
        var fat = (0..<count).map { UInt32($0 + 1) }
        fat[count - 1] = endOfChain
        fat += [endOfChain, 0xFFFF_FFFD]
        fat += [UInt32](repeating: free, count: 128 - fat.count)
        func entry(_ name: String, _ type: UInt8, child: UInt32, start: UInt32, size: Int) -> [UInt8] {
            var units = name.isEmpty ? [] : Array(name.utf16) + [0]
            units += [UInt16](repeating: 0, count: 32 - units.count)
            var bytes = units.flatMap { u16(Int($0)) }
            bytes +=
                u16(name.isEmpty ? 0 : (name.utf16.count + 1) * 2) + [type, 1] + u32(free) + u32(free) + u32(child)
            bytes += [UInt8](repeating: 0, count: 36) + u32(start) + u32(UInt32(size)) + u32(0)
            return bytes
        }
        var directory = entry("Root Entry", 5, child: 1, start: endOfChain, size: 0)
        directory += entry(name, 2, child: free, start: 0, size: stream.count)
        directory += entry("", 0, child: free, start: 0, size: 0) + entry("", 0, child: free, start: 0, size: 0)
        damage(&fat, &directory)
        var header: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 16)
        header += u16(0x3E) + u16(3) + u16(0xFFFE) + u16(9) + u16(6) + [UInt8](repeating: 0, count: 6)
        header += u32(0) + u32(1) + u32(UInt32(count)) + u32(0) + u32(4096) + u32(endOfChain) + u32(0)
        header += u32(endOfChain) + u32(0) + u32(UInt32(count + 1))
        header += (0..<108).flatMap { _ in u32(free) }
        return header + padded + directory + fat.flatMap { u32($0) }
    }

    static func open(_ bytes: [UInt8]) throws(ReadError) -> [UInt8]? {
        try CompoundFile(bytes: bytes).stream(named: ["Workbook", "Book"])
    }

    static func rows(_ bytes: [UInt8]) throws -> [SourceRow] {
        let path = try ExcelFixtures.temporaryFile("built.xls", Data(bytes))
        return try ExcelFixtures.rows(XLSReader(path: path, options: ReadOptions()))
    }
}

@Suite struct CompoundFileTests {
    private let stream = TestWorkbook.biff8(cells: [TestWorkbook.number(0, 0, 1), TestWorkbook.number(1, 2, 2.5)])

    @Test func aSoundFileGivesItsStream() throws {
        #expect(try TestWorkbook.open(TestWorkbook.compoundFile(stream))?.starts(with: stream) == true)
        #expect(
            try TestWorkbook.rows(TestWorkbook.compoundFile(stream)) == [
                SourceRow(number: 1, cells: [.number(1)]), SourceRow(number: 2, cells: [.empty, .empty, .number(2.5)]),
            ])
    }

    @Test func theStreamNameIsMatchedInAnyCase() throws {
        #expect(
            try TestWorkbook.open(TestWorkbook.compoundFile(stream, name: "WORKBOOK"))?.starts(with: stream) == true)
        #expect(try TestWorkbook.open(TestWorkbook.compoundFile(stream, name: "book"))?.starts(with: stream) == true)
        #expect(try TestWorkbook.open(TestWorkbook.compoundFile(stream, name: "WordDocument")) == nil)
    }

    @Test func aCyclicChainIsRefused() {
        let bytes = TestWorkbook.compoundFile(stream) { fat, _ in fat[7] = 2 }
        let error = #expect(throws: ReadError.self) { try TestWorkbook.open(bytes) }
        #expect(error == ReadError(.xlsDamaged(.chainLoops(.stream("Workbook")))))
    }

    @Test func aSectorOutsideTheFileIsRefused() {
        let bytes = TestWorkbook.compoundFile(stream) { fat, _ in fat[3] = 0x00FF_FFFF }
        let error = #expect(throws: ReadError.self) { try TestWorkbook.open(bytes) }
        #expect(error == ReadError(.xlsDamaged(.chainOutsideFile(.stream("Workbook")))))
    }

    @Test func aDirectoryOutsideTheFileIsRefused() {
        var bytes = TestWorkbook.compoundFile(stream)
        bytes.replaceSubrange(0x30..<0x34, with: TestWorkbook.u32(0x7FFF_FFFF))
        let error = #expect(throws: ReadError.self) { try TestWorkbook.open(bytes) }
        #expect(error == ReadError(.xlsDamaged(.chainOutsideFile(.directory))))
    }

    @Test func aStreamClaimingMoreBytesThanItsChainIsRefused() {
        // 4 GiB − 1 claimed in a file of a few KiB: nothing of that size is allocated.
        let bytes = TestWorkbook.compoundFile(stream) { _, directory in
            directory.replaceSubrange(128 + 120..<128 + 124, with: TestWorkbook.u32(0xFFFF_FFFF))
        }
        let error = #expect(throws: ReadError.self) { try TestWorkbook.open(bytes) }
        #expect(error == ReadError(.xlsDamaged(.cutShort(.stream("Workbook")))))
    }

    @Test func aFATLargerThanTheFileIsRefused() {
        var bytes = TestWorkbook.compoundFile(stream)
        // 109 FAT sectors claimed, all the same one, and a DIFAT chain pointing at itself.
        for index in 0..<109 { bytes.replaceSubrange(0x4C + 4 * index..<0x50 + 4 * index, with: TestWorkbook.u32(0)) }
        bytes.replaceSubrange(0x2C..<0x30, with: TestWorkbook.u32(0xFFFF_FFFF))
        bytes.replaceSubrange(0x44..<0x48, with: TestWorkbook.u32(0))
        #expect(throws: ReadError.self) { try TestWorkbook.open(bytes) }
    }

    @Test func aTruncatedFileIsRefused() {
        let bytes = Array(TestWorkbook.compoundFile(stream).prefix(3000))
        #expect(throws: ReadError.self) { try TestWorkbook.open(bytes) }
        #expect(throws: ReadError.self) { try TestWorkbook.open(Array(bytes.prefix(100))) }
    }

    @Test func aDirectoryEntryClaimingALongNameIsCutTo64Bytes() throws {
        let bytes = TestWorkbook.compoundFile(stream) { _, directory in
            directory.replaceSubrange(64..<66, with: TestWorkbook.u16(0x1600))
        }
        #expect(try TestWorkbook.open(bytes)?.starts(with: stream) == true)
    }

    @Test func anSSTClaimingMoreStringsThanItsBytesHoldReadsWhatThereIs() throws {
        let string = TestWorkbook.u16(2) + [0] + Array("OK".utf8)
        let sst = TestWorkbook.record(0x00FC, TestWorkbook.u32(0xFFFF_FFFF) + TestWorkbook.u32(0xFFFF_FFFF) + string)
        let labels = [0, 1].map { index in
            TestWorkbook.record(
                0x00FD,
                TestWorkbook.u16(0) + TestWorkbook.u16(index) + TestWorkbook.u16(0)
                    + TestWorkbook.u32(UInt32(index)))
        }
        let rows = try TestWorkbook.rows(TestWorkbook.compoundFile(TestWorkbook.biff8(sst: sst, cells: labels)))
        #expect(rows == [SourceRow(number: 1, cells: [.text("OK")])])
    }

    @Test func aStringSplitAcrossContinueRecordsChangesItsCharacterWidth() throws {
        // "名单ab": two 16-bit characters in the SST record, then a CONTINUE whose option byte says 8-bit.
        let head = TestWorkbook.u32(1) + TestWorkbook.u32(1) + TestWorkbook.u16(4) + [0x01]
        let sst = TestWorkbook.record(0x00FC, head + Array("名单".utf16).flatMap { TestWorkbook.u16(Int($0)) })
        let more = TestWorkbook.record(0x003C, [0x00] + Array("ab".utf8))
        let label = TestWorkbook.record(
            0x00FD,
            TestWorkbook.u16(0) + TestWorkbook.u16(0) + TestWorkbook.u16(0)
                + TestWorkbook.u32(0))
        let rows = try TestWorkbook.rows(TestWorkbook.compoundFile(TestWorkbook.biff8(sst: sst + more, cells: [label])))
        #expect(rows == [SourceRow(number: 1, cells: [.text("名单ab")])])
    }

    @Test func cellsOutOfRowOrderAreYieldedInOrder() throws {
        let cells = [TestWorkbook.number(2, 0, 3), TestWorkbook.number(0, 0, 1), TestWorkbook.number(1, 1, 2)]
        let rows = try TestWorkbook.rows(TestWorkbook.compoundFile(TestWorkbook.biff8(cells: cells)))
        #expect(rows.map(\.number) == [1, 2, 3])
        #expect(rows[1].cells == [.empty, .number(2)])
    }

    @Test func aCellPastColumnIVIsRefusedNamingTheRow() throws {
        let bytes = TestWorkbook.compoundFile(TestWorkbook.biff8(cells: [TestWorkbook.number(4, 300, 1)]))
        let error = #expect(throws: ReadError.self) { try TestWorkbook.rows(bytes) }
        #expect(error == ReadError(.cellPastColumnIV, at: .sheetRow("名单", row: 5)))
    }

    @Test func anEncryptedWorkbookStreamIsRefused() throws {
        var stream = TestWorkbook.biff8(cells: [])
        // FILEPASS right after the globals' BOF (20 bytes): the offsets after it do not matter to the refusal.
        stream.insert(contentsOf: TestWorkbook.record(0x002F, [1, 0, 1, 0]), at: 20)
        let error = #expect(throws: ReadError.self) { try TestWorkbook.rows(TestWorkbook.compoundFile(stream)) }
        #expect(error == CompoundFile.encrypted)
    }
}
