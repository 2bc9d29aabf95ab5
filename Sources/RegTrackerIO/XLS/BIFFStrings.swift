import Glibc

/// The data of a record and of the CONTINUE records after it, read as one sequence of bytes, except that a string's
/// characters split across two records carry a new option byte (8- or 16-bit characters) at the start of the next
/// (MS-XLS 2.5.293 XLUnicodeRichExtendedString). Every read is checked; a read past the end gives nil.
///
/// The segments are ranges of indices into one slice of the workbook stream (`bytes`), so that a read indexes that
/// slice directly. Characters are gathered in a buffer kept from one string to the next, and a string of 8-bit ASCII
/// characters inside one segment becomes a `String` straight from its bytes: the SST of a large sheet holds
/// hundreds of thousands of strings.
struct ContinuedBytes {
    private let bytes: ArraySlice<UInt8>
    private let segments: [Range<Int>]
    private var segment = 0
    private var position: Int
    private var end: Int
    /// The UTF-16 code units of the string being read, and their UTF-8, both reused.
    private var units: [UInt16] = []
    private var utf8: [UInt8] = []

    /// `segments` are ranges of `bytes`' indices, in order.
    init(_ bytes: ArraySlice<UInt8>, segments: [Range<Int>]) {
        let segments = segments.map { $0.clamped(to: bytes.indices) }
        self.bytes = bytes
        self.segments = segments
        position = segments.first?.lowerBound ?? 0
        end = segments.first?.upperBound ?? 0
    }

    /// One record's data as the only segment.
    init(_ bytes: ArraySlice<UInt8>) {
        self.init(bytes, segments: [bytes.indices])
    }

    /// The records' data: `first` and the CONTINUE records right after it, which `cursor` moves past.
    init(record first: BIFFRecord, continuedFrom cursor: inout BIFFRecordCursor) {
        var segments = [first.data.indices]
        while cursor.peekType() == BIFF.continue, let next = cursor.next() { segments.append(next.data.indices) }
        let whole = cursor.stream[segments[0].lowerBound..<(segments.last?.upperBound ?? segments[0].upperBound)]
        self.init(whole, segments: segments)
    }

    /// The number of bytes in all segments.
    var count: Int { segments.reduce(0) { $0 + $1.count } }

    /// Moves to the next segment with bytes left when the current one is used up; false at the end.
    private mutating func settle() -> Bool {
        while position >= end {
            guard enter(segment + 1) else { return false }
        }
        return true
    }

    /// Makes segment `index` the current one, at its start; false when there is none.
    private mutating func enter(_ index: Int) -> Bool {
        guard index < segments.count else {
            segment = segments.count
            position = end
            return false
        }
        segment = index
        position = segments[index].lowerBound
        end = segments[index].upperBound
        return true
    }

    mutating func byte() -> UInt8? {
        guard settle() else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u16() -> Int? {
        if position + 2 <= end {
            defer { position += 2 }
            return Int(bytes[position]) | Int(bytes[position + 1]) << 8
        }
        guard let low = byte(), let high = byte() else { return nil }
        return Int(low) | Int(high) << 8
    }

    mutating func u32() -> Int? {
        guard let low = u16(), let high = u16() else { return nil }
        return low | high << 16
    }

    /// Skips `count` bytes across segments (formatting runs and phonetic data carry no option bytes).
    mutating func skip(_ count: Int) -> Bool {
        var left = count
        while left > 0 {
            guard settle() else { return false }
            let step = min(left, end - position)
            position += step
            left -= step
        }
        return true
    }

    /// `count` characters, 16-bit when `wide`, into `units`; a segment boundary inside them brings a new option byte.
    private mutating func characters(_ count: Int, wide: Bool) -> Bool {
        units.removeAll(keepingCapacity: true)
        var wide = wide
        while units.count < count {
            if position >= end {
                guard enter(segment + 1) else { return false }
                guard position < end else { continue }
                wide = bytes[position] & 0x01 != 0
                position += 1
                continue
            }
            let wanted = count - units.count
            if wide {
                let available = min(wanted, (end - position) / 2)
                if available == 0 {
                    position = end  // one stray byte: the next record goes on
                    continue
                }
                for index in 0..<available {
                    let at = position + 2 * index
                    units.append(UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8)
                }
                position += 2 * available
            } else {
                let available = min(wanted, end - position)
                for index in 0..<available { units.append(UInt16(bytes[position + index])) }
                position += available
            }
        }
        return true
    }

    /// `count` characters as a `String`: straight from the bytes when they are 8-bit ASCII within the current
    /// segment (UTF-8 then), else through `characters`.
    private mutating func text(_ count: Int, wide: Bool) -> String? {
        if !wide, count <= end - position {
            let range = position..<position + count
            if bytes[range].allSatisfy({ $0 < 0x80 }) {
                position += count
                return String(decoding: bytes[range], as: UTF8.self)
            }
        }
        guard characters(count, wide: wide) else { return nil }
        UTF16Transcoder.utf8(units, into: &utf8)
        return String(decoding: utf8, as: UTF8.self)
    }

    /// A BIFF8 string: a character count of `countBytes` (1 or 2) bytes, option flags, then the rich-text run count
    /// and phonetic size when flagged, the characters, and the runs and phonetic data, which are skipped.
    mutating func unicodeString(countBytes: Int) -> String? {
        guard let count = countBytes == 1 ? byte().map(Int.init) : u16(), let flags = byte() else { return nil }
        var runs = 0
        var phonetic = 0
        if flags & 0x08 != 0 {
            guard let value = u16() else { return nil }
            runs = value
        }
        if flags & 0x04 != 0 {
            guard let value = u32() else { return nil }
            phonetic = value
        }
        guard let text = text(count, wide: flags & 0x01 != 0) else { return nil }
        // Runs and phonetic data cut short at the end of the data do not spoil the text before them.
        _ = skip(runs * 4)
        _ = skip(phonetic)
        return text
    }
}

/// UTF-16 to UTF-8 for BIFF8 text, written out because the standard library's generic `String(decoding:as:)` from
/// UTF-16 took most of the time of reading a large SST. An unpaired surrogate becomes U+FFFD, as there.
enum UTF16Transcoder {
    static func utf8(_ units: [UInt16], into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(units.count * 3)
        var index = 0
        while index < units.count {
            let unit = units[index]
            index += 1
            switch unit {
            case 0..<0x80:
                bytes.append(UInt8(unit))
            case 0x80..<0x800:
                bytes.append(0xC0 | UInt8(unit >> 6))
                bytes.append(0x80 | UInt8(unit & 0x3F))
            case 0xD800..<0xDC00 where index < units.count && (0xDC00..<0xE000).contains(units[index]):
                let scalar = 0x10000 + (UInt32(unit - 0xD800) << 10 | UInt32(units[index] - 0xDC00))
                index += 1
                bytes.append(0xF0 | UInt8(scalar >> 18))
                bytes.append(0x80 | UInt8(scalar >> 12 & 0x3F))
                bytes.append(0x80 | UInt8(scalar >> 6 & 0x3F))
                bytes.append(0x80 | UInt8(scalar & 0x3F))
            case 0xD800..<0xE000:
                bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
            default:
                bytes.append(0xE0 | UInt8(unit >> 12))
                bytes.append(0x80 | UInt8(unit >> 6 & 0x3F))
                bytes.append(0x80 | UInt8(unit & 0x3F))
            }
        }
    }
}

/// Decodes BIFF5's 8-bit text in the workbook's code page (CODEPAGE record) through iconv: 936 is GBK (read as its
/// superset GB18030), 1252 Western, and so on. Bytes the code page does not map become U+FFFD.
final class CodePageDecoder {
    private let converter: iconv_t?

    init(codePage: Int) {
        let name: String? =
            switch codePage {
            case 367, 20127: nil  // ASCII: the Latin-1 path below
            case 936: "GB18030"
            case 10000: "MACINTOSH"
            case 65001: "UTF-8"
            case 1200, 1201, 32768, 32769: "WINDOWS-1252"
            case 437, 737, 775, 850, 852, 855, 857, 858, 860...866, 869, 874, 932, 949, 950, 1250...1258:
                "CP\(codePage)"
            default: "WINDOWS-1252"
            }
        if let name {
            let handle = iconv_open("UTF-8", name)
            converter = handle == iconv_t(bitPattern: -1) ? nil : handle
        } else {
            converter = nil
        }
    }

    deinit {
        if let converter { iconv_close(converter) }
    }

    func decode(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        guard let converter else { return String(decoding: bytes.map { UInt16($0) }, as: UTF16.self) }
        var input = Array(bytes)
        var result: [UInt8] = []
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        while !input.isEmpty {
            let (consumed, written, failure) = Iconv.convert(converter, &input, into: &output)
            result.append(contentsOf: output[0..<written])
            input.removeFirst(consumed)
            if failure == 0 { break }
            if failure == E2BIG, consumed > 0 { continue }
            // A byte the code page does not map, or a character cut off at the end: U+FFFD, and on past it.
            result.append(contentsOf: [0xEF, 0xBF, 0xBD])
            if !input.isEmpty { input.removeFirst() }
            _ = iconv(converter, nil, nil, nil, nil)
        }
        return String(decoding: result, as: UTF8.self)
    }
}
