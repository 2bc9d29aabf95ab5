import Foundation
import RegTrackerCore
import ZIPFoundation

/// The zip container of an .xlsx: finds parts by name and hands each to libxml2 as it is inflated
/// (`XLSXPartStream`), never holding a part in memory nor writing it out.
final class XLSXPackage {
    /// A part larger than this is refused outright (no real list sheet comes near it).
    static let maxPartSize: UInt64 = 4 << 30
    /// A part this large must not claim a compression ratio above `maxRatio` (a zip bomb).
    static let ratioCheckedSize: UInt64 = 100 << 20
    static let maxRatio: UInt64 = 1_000

    private let url: URL
    private let archive: Archive

    init(url: URL) throws(ReadError) {
        self.url = url
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ReadError(.zipDamaged)
        }
        // Parts are only ever looked up by name, never written out; but a name that climbs out of the package
        // (`../x`, `/etc/x`) is a hostile archive, not a workbook, and is refused.
        for entry in archive {
            let name = entry.path.replacingOccurrences(of: "\\", with: "/")
            if name.hasPrefix("/") || name.split(separator: "/").contains("..") {
                throw ReadError(.zipEntryOutside(name))
            }
        }
    }

    func contains(_ path: String) -> Bool { entry(path) != nil }

    /// Opens a small part (workbook, relationships, styles) with the node reader, or returns nil when there is no
    /// such part.
    func openXML(_ path: String) throws(ReadError) -> XMLStreamReader? {
        guard let stream = try stream(path) else { return nil }
        return try XMLStreamReader.open(source: stream, partName: path)
    }

    /// A push parser of a part (a sheet, the shared strings) handing its events to `handler`, or nil when there is
    /// no such part. `chunkSize`: how much is inflated at a time.
    func parser(
        _ path: String, handler: any XMLPushHandler, chunkSize: Int = XLSXPartStream.defaultChunkSize
    ) throws(ReadError) -> XMLPushParser? {
        guard let stream = try stream(path, chunkSize: chunkSize) else { return nil }
        return try XMLPushParser(source: stream, handler: handler, partName: path)
    }

    /// The entry named `path`; names are compared exactly, then ignoring case and `\` separators
    /// (some writers differ), never resolved against the file system.
    private func entry(_ path: String) -> Entry? {
        if let entry = archive[path] { return entry }
        let wanted = path.lowercased()
        return archive.first {
            $0.type == .file && $0.path.replacingOccurrences(of: "\\", with: "/").lowercased() == wanted
        }
    }

    /// The part inflating, once its declared size has passed the zip-bomb limits.
    private func stream(
        _ path: String, chunkSize: Int = XLSXPartStream.defaultChunkSize
    ) throws(ReadError) -> XLSXPartStream? {
        guard let entry = entry(path) else { return nil }
        let declared = entry.uncompressedSize
        let compressed = max(entry.compressedSize, 1)
        if declared > Self.maxPartSize
            || (declared > Self.ratioCheckedSize && declared / compressed > Self.maxRatio)
        {
            throw ReadError(
                .zipBomb(entry: path, declared: declared, compressed: entry.compressedSize), at: .part(path))
        }
        return XLSXPartStream(url: url, entryPath: entry.path, name: path, declared: declared, chunkSize: chunkSize)
    }
}

/// Part names inside the package.
enum PackagePath {
    /// Resolves a relationship target against the folder of the part that holds the relationship
    /// (`xl/` for the workbook): `/xl/a.xml` is absolute, `worksheets/s.xml` relative, `..` climbs.
    /// The result is only ever a name to look up in the zip, never a file system path.
    static func resolve(_ target: String, from folder: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        let joined = decoded.hasPrefix("/") ? decoded : folder + "/" + decoded
        var parts: [Substring] = []
        for part in joined.replacingOccurrences(of: "\\", with: "/").split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// `xl` for `xl/workbook.xml`, `` for `workbook.xml`.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`.
    static func relationships(of path: String) -> String {
        let folder = folder(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
    }
}
