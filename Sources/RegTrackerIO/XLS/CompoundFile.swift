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
}
