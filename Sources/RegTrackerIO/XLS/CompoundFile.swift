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

/// OLE compound files that are not plain workbooks.
enum CompoundFile {
    static let encrypted = ReadError(
        "encrypted workbook: it is protected with a password",
        hint: "open it in Excel, remove the password and save as .xlsx")

    /// True when the compound file holds an `EncryptedPackage` stream (a password-protected .xlsx).
    /// Looks for the stream's UTF-16 name in the directory; reads at most the first 64 MiB.
    static func isEncryptedPackage(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 64 << 20) else { return false }
        let name = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return data.range(of: name) != nil
    }

    /// Refuses a compound file whose first directory sector holds an entry with a name longer than the 64 bytes the
    /// format allows. libfreexl 1.0.6 reads that sector into a 4 KiB stack buffer and converts each entry's name
    /// for as many bytes as the entry claims, past the buffer (found by fuzzing, `Tests/Fuzz/regressions/xls`).
    static func checkDirectory(_ path: String) throws(ReadError) {
        let damaged = ReadError(
            "not a readable .xls workbook (its directory is damaged)", hint: "open it in Excel or WPS and save it as .xlsx")
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 512), header.count == 512 else { return }
        let bytes = [UInt8](header)
        // The sector size as libfreexl takes it: shift 12 is 4096 bytes, anything else 512.
        let sectorSize = Self.uint16(bytes, at: 0x1E) == 12 ? 4096 : 512
        // Where libfreexl looks: (start + 1) × size in 32-bit unsigned arithmetic, which wraps for a huge start.
        let directory = (Self.uint32(bytes, at: 0x30) &+ 1) &* UInt32(sectorSize)
        guard (try? handle.seek(toOffset: UInt64(directory))) != nil,
            let data = try? handle.read(upToCount: sectorSize), data.count == sectorSize
        else { return }  // libfreexl refuses a directory it cannot read
        let block = [UInt8](data)
        for entry in stride(from: 0, to: sectorSize, by: 128) where Self.uint16(block, at: entry + 64) > 64 {
            throw isEncryptedPackage(path) ? encrypted : damaged
        }
    }

    private static func uint16(_ bytes: [UInt8], at offset: Int) -> Int {
        Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }
}
