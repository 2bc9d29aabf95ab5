import Glibc

/// Whether a SpreadsheetML file may hold more than one worksheet, from its bytes alone: listing its sheets takes a
/// parse of the whole file (Excel writes a sheet's visibility after its rows), 1.4 s of a 1M-row list's 8.5 s import,
/// and a list of one sheet is read as one table whatever the list would say. Every `Worksheet` element starts with
/// `<Worksheet` or `<prefix:Worksheet` and a space, `>` or `/` in the bytes of an ASCII-compatible encoding (UTF-8,
/// GB18030: neither `<` nor `:` is ever part of a multibyte character there), so a file with one such tag at most
/// holds one worksheet at most. Whatever the scan cannot vouch for counts as several: another encoding, a document
/// type (whose entities could hold markup), a tag cut by the end of a read it cannot look behind.
enum WorksheetStartTags {
    static func mayHoldSeveral(path: String, chunkSize: Int = 1 << 20) throws(ReadError) -> Bool {
        let descriptor = try FileBytes.open(path)
        defer { close(descriptor) }
        // Each read goes after the bytes kept from the one before: a tag cut by a read's end is looked at whole in
        // the next, with as many bytes before it as a prefix may take.
        let lookBehind = 256
        var buffer = [UInt8](repeating: 0, count: lookBehind + name.count + chunkSize)
        var kept = 0
        // Where in `buffer` the next tag to count may start: every one before it is counted.
        var next = 0
        var atStart = true
        var starts = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { bytes in
                read(descriptor, bytes.baseAddress! + kept, bytes.count - kept)
            }
            if count < 0 { throw ReadError(.cannotRead(errno: errno)) }
            let end = kept + count
            if atStart, !isASCIICompatible(buffer[0..<end]) { return true }
            if find(doctype, in: buffer, from: max(0, kept - doctype.count), to: end) != nil { return true }
            let atEnd = count == 0
            while let found = find(name, in: buffer, from: next, to: end) {
                // The byte after the name is not read yet: looked at again after the next read.
                if !atEnd && found + name.count >= end { break }
                if isStartTag(buffer, at: found, end: end, atStart: atStart) {
                    starts += 1
                    if starts > 1 { return true }
                }
                next = found + name.count
            }
            if atEnd { return false }
            next = max(next, end - name.count)
            let keepFrom = max(0, next - lookBehind)
            buffer.withUnsafeMutableBytes { bytes in
                _ = memmove(bytes.baseAddress!, bytes.baseAddress! + keepFrom, end - keepFrom)
            }
            (kept, next, atStart) = (end - keepFrom, next - keepFrom, atStart && keepFrom == 0)
        }
    }

    private static let name = Array("Worksheet".utf8)
    private static let doctype = Array("<!DOCTYPE".utf8)

    /// The file starts with `<` or white space in ASCII, after UTF-8's byte-order mark if any: not UTF-16 or UTF-32
    /// (with a mark or without), not EBCDIC.
    private static func isASCIICompatible(_ head: ArraySlice<UInt8>) -> Bool {
        let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head
        guard let first = start.first else { return true }
        return [UInt8(ascii: "<"), 0x20, 0x09, 0x0A, 0x0D].contains(first) && !start.prefix(4).contains(0)
    }

    /// `Worksheet` at `index` names a start tag: after `<`, or after `<prefix:`, and before a space, `>` or `/` (or
    /// the end of the file). `atStart`: `bytes` begins with the file's first byte.
    private static func isStartTag(_ bytes: [UInt8], at index: Int, end: Int, atStart: Bool) -> Bool {
        let after = index + name.count
        if after < end, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[after]) {
            return false
        }
        guard index > 0 else { return !atStart }
        switch bytes[index - 1] {
        case UInt8(ascii: "<"): return true
        case UInt8(ascii: ":"):
            var position = index - 2
            while position >= 0, isNameByte(bytes[position]) { position -= 1 }
            // A prefix longer than the bytes kept before it: counted, to be safe.
            guard position >= 0 else { return true }
            return bytes[position] == UInt8(ascii: "<")
        default: return false
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), 0x80...:
            true
        default: false
        }
    }

    /// The first place of `needle` in `bytes[start..<end]` (`memchr` for its first byte: Glibc's `memmem` is a GNU
    /// extension Swift does not see).
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        bytes.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { pattern in
                var index = start
                while end - index >= pattern.count {
                    let first = Int32(pattern[0])
                    guard let hit = memchr(haystack.baseAddress! + index, first, end - index - pattern.count + 1)
                    else { return nil }
                    let position = haystack.baseAddress!.distance(to: UnsafeRawPointer(hit))
                    if memcmp(haystack.baseAddress! + position, pattern.baseAddress!, pattern.count) == 0 {
                        return position
                    }
                    index = position + 1
                }
                return nil
            }
        }
    }
}
