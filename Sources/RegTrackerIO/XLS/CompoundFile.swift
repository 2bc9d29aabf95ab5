import Foundation
import RegTrackerCore

/// The first bytes of a file, to tell containers apart whatever the file is called.
enum FileSignature {
    /// OLE compound file (Excel 97–2003 .xls, or an encrypted .xlsx).
    static let compoundFile: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// Zip local file header (an .xlsx).
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// Up to the first 8 bytes, or nil when the file cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: 8)) ?? Data())
    }
}

/// An OLE compound file (MS-CFB): a little file system of sectors holding named streams. Everything is read from the
/// file's bytes in memory; every sector number, chain and size is checked against them, so a damaged or hostile file
/// ends in a `ReadError`, never a read out of bounds, a loop or an allocation the file does not pay for.
struct CompoundFile {
    static let encrypted = ReadError(.encrypted)

    /// The largest compound file read: .xls holds at most 65,536 rows × 256 columns a sheet.
    static let maxFileSize = 512 << 20

    /// One directory entry.
    struct Entry: Equatable {
        var name: String
        /// 1 storage, 2 stream, 5 root.
        var type: UInt8
        var left: UInt32
        var right: UInt32
        var child: UInt32
        var start: UInt32
        var size: Int
    }

    private let bytes: [UInt8]
    private let sectorSize: Int
    private let fat: [UInt32]
    private let miniFAT: [UInt32]
    private let miniCutoff: Int
    let entries: [Entry]
    /// The root's data: the mini stream holding the streams smaller than `miniCutoff`.
    private let miniStream: [UInt8]

    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let freeSector: UInt32 = 0xFFFF_FFFF
    private static let noStream: UInt32 = 0xFFFF_FFFF

    static func damaged(_ damage: ReadError.XLSDamage) -> ReadError { ReadError(.xlsDamaged(damage)) }

    init(bytes: [UInt8]) throws(ReadError) {
        guard bytes.count >= 512, bytes.starts(with: FileSignature.compoundFile) else {
            throw Self.damaged(.notCompoundFile)
        }
        guard bytes.count <= Self.maxFileSize else {
            throw ReadError(.xlsTooLarge(mebibytes: Self.maxFileSize >> 20))
        }
        self.bytes = bytes
        let shift = Self.uint16(bytes, 0x1E)
        guard shift == 9 || shift == 12 else { throw Self.damaged(.badSectorSize) }
        sectorSize = 1 << shift
        guard Self.uint16(bytes, 0x20) == 6 else { throw Self.damaged(.badMiniSectorSize) }
        // The cutoff is 4,096 bytes in every version of the format; some writers leave the field empty.
        miniCutoff = 4096
        // Sectors that exist in the file: sector n starts at (n + 1) × sectorSize. The last may be cut short (writers
        // leave out the unused end of a stream's last sector); a read of it takes what is there.
        let sectorCount = max(0, (bytes.count - 1) / sectorSize)

        // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
        var fatSectors: [UInt32] = []
        for index in 0..<109 {
            let sector = Self.uint32(bytes, 0x4C + 4 * index)
            if sector < UInt32(sectorCount) { fatSectors.append(sector) }
        }
        var difat = Self.uint32(bytes, 0x44)
        var difatSeen = 0
        let perSector = sectorSize / 4
        while difat < UInt32(sectorCount) {
            difatSeen += 1
            guard difatSeen <= sectorCount else { throw Self.damaged(.difatLoops) }
            let base = (Int(difat) + 1) * sectorSize
            for index in 0..<(perSector - 1) {
                let sector = Self.uint32(bytes, base + 4 * index)
                if sector < UInt32(sectorCount) { fatSectors.append(sector) }
            }
            difat = Self.uint32(bytes, base + 4 * (perSector - 1))
        }
        let declared = Int(Self.uint32(bytes, 0x2C))
        if declared < fatSectors.count { fatSectors.removeLast(fatSectors.count - declared) }
        guard !fatSectors.isEmpty else { throw Self.damaged(.noAllocationTable) }
        guard fatSectors.count <= sectorCount else {
            throw Self.damaged(.allocationTableTooLarge)
        }
        var fat: [UInt32] = []
        fat.reserveCapacity(fatSectors.count * perSector)
        for sector in fatSectors {
            let base = (Int(sector) + 1) * sectorSize
            for index in 0..<perSector { fat.append(Self.uint32(bytes, base + 4 * index)) }
        }
        // Entries past the file's sectors can never be followed; cut them off.
        if fat.count > sectorCount { fat.removeLast(fat.count - sectorCount) }
        self.fat = fat

        let directory = try Self.chain(from: Self.uint32(bytes, 0x30), in: fat, what: .directory)
        var entries: [Entry] = []
        entries.reserveCapacity(directory.count * sectorSize / 128)
        for sector in directory {
            let base = (Int(sector) + 1) * sectorSize
            for offset in stride(from: base, to: base + sectorSize, by: 128) {
                entries.append(Self.entry(bytes, at: offset, version4: shift == 12))
            }
        }
        guard let root = entries.first, root.type == 5 else { throw Self.damaged(.noRootEntry) }
        self.entries = entries

        var miniStream: [UInt8] = []
        var miniFAT: [UInt32] = []
        if root.start < UInt32(sectorCount), root.size > 0 {
            miniStream = try Self.read(
                Self.chain(from: root.start, in: fat, what: .miniStream), size: root.size, bytes: bytes,
                sectorSize: sectorSize)
            for sector in try Self.chain(from: Self.uint32(bytes, 0x3C), in: fat, what: .miniFAT) {
                let base = (Int(sector) + 1) * sectorSize
                for index in 0..<perSector { miniFAT.append(Self.uint32(bytes, base + 4 * index)) }
            }
        }
        self.miniStream = miniStream
        self.miniFAT = miniFAT
    }

    /// The data of the stream among the root's children whose name is one of `names` (any case), trying the names in
    /// order; nil when there is none.
    func stream(named names: [String]) throws(ReadError) -> [UInt8]? {
        let children = rootChildren()
        for wanted in names {
            let folded = wanted.lowercased()
            if let entry = children.first(where: { $0.type == 2 && $0.name.lowercased() == folded }) {
                return try data(of: entry)
            }
        }
        return nil
    }

    /// The entries directly under the root, walking its red-black tree with every index checked and each entry
    /// visited once.
    func rootChildren() -> [Entry] {
        var result: [Entry] = []
        var visited = [Bool](repeating: false, count: entries.count)
        var pending: [UInt32] = [entries[0].child]
        while let index = pending.popLast() {
            guard index < UInt32(entries.count), !visited[Int(index)] else { continue }
            visited[Int(index)] = true
            let entry = entries[Int(index)]
            result.append(entry)
            pending.append(entry.left)
            pending.append(entry.right)
        }
        return result
    }

    func data(of entry: Entry) throws(ReadError) -> [UInt8] {
        if entry.size < miniCutoff {
            let sectors = try Self.chain(from: entry.start, in: miniFAT, what: .stream(entry.name))
            var data: [UInt8] = []
            data.reserveCapacity(min(entry.size, sectors.count * 64))
            for sector in sectors where data.count < entry.size {
                let base = Int(sector) * 64
                guard base + 64 <= miniStream.count else {
                    throw Self.damaged(.pastMiniStream(stream: entry.name))
                }
                data.append(contentsOf: miniStream[base..<base + min(64, entry.size - data.count)])
            }
            guard data.count == entry.size else { throw Self.damaged(.cutShort(.stream(entry.name))) }
            return data
        }
        let sectors = try Self.chain(from: entry.start, in: fat, what: .stream(entry.name))
        return try Self.read(
            sectors, size: entry.size, bytes: bytes, sectorSize: sectorSize, chain: .stream(entry.name))
    }

    /// The sectors of the chain starting at `start`: every one inside the table, none twice.
    static func chain(from start: UInt32, in table: [UInt32], what: ReadError.Chain) throws(ReadError) -> [UInt32] {
        var sectors: [UInt32] = []
        var seen = [Bool](repeating: false, count: table.count)
        var sector = start
        while sector != endOfChain {
            guard sector < UInt32(table.count) else {
                if sector == freeSector, sectors.isEmpty { return [] }  // an empty stream
                throw damaged(.chainOutsideFile(what))
            }
            guard !seen[Int(sector)] else { throw damaged(.chainLoops(what)) }
            seen[Int(sector)] = true
            sectors.append(sector)
            sector = table[Int(sector)]
        }
        return sectors
    }

    private static func read(
        _ sectors: [UInt32], size: Int, bytes: [UInt8], sectorSize: Int, chain: ReadError.Chain = .miniStream
    ) throws(ReadError) -> [UInt8] {
        var data: [UInt8] = []
        data.reserveCapacity(min(size, sectors.count * sectorSize))
        for sector in sectors where data.count < size {
            let base = (Int(sector) + 1) * sectorSize
            let count = min(sectorSize, size - data.count)
            // The last sector of a file may be cut short: take what there is and let the size check below decide.
            let end = min(base + count, bytes.count)
            guard base < end else { break }
            data.append(contentsOf: bytes[base..<end])
        }
        guard data.count == size else { throw damaged(.cutShort(chain)) }
        return data
    }

    private static func entry(_ bytes: [UInt8], at offset: Int, version4: Bool) -> Entry {
        // The name's length in bytes with its terminator; a longer claim than the 64 bytes there are is cut down.
        let nameBytes = min(64, uint16(bytes, offset + 64))
        var units: [UInt16] = []
        for index in 0..<(nameBytes / 2) {
            let unit = UInt16(uint16(bytes, offset + 2 * index))
            if unit == 0 { break }
            units.append(unit)
        }
        // A version 3 file's size has only 32 bits; its high half may hold anything.
        let low = Int(uint32(bytes, offset + 120))
        let high = version4 ? Int(uint32(bytes, offset + 124)) : 0
        return Entry(
            name: String(decoding: units, as: UTF16.self), type: UInt8(truncatingIfNeeded: uint16(bytes, offset + 66)),
            left: uint32(bytes, offset + 68), right: uint32(bytes, offset + 72), child: uint32(bytes, offset + 76),
            start: uint32(bytes, offset + 116), size: high > 0 ? Int.max : low)
    }

    /// True when the compound file holds an `EncryptedPackage` stream (a password-protected .xlsx).
    /// Looks for the stream's UTF-16 name in the directory; reads at most the first 64 MiB.
    static func isEncryptedPackage(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 64 << 20) else { return false }
        let name = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return data.range(of: name) != nil
    }

    /// Little-endian reads that give 0 past the end, for fields whose absence the callers check by other means.
    static func uint16(_ bytes: [UInt8], _ offset: Int) -> Int {
        guard offset >= 0, offset + 2 <= bytes.count else { return 0 }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { return freeSector }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
