import Glibc

/// The data of a record and of the CONTINUE records after it, read as one sequence of bytes, except that a string's
/// characters split across two records carry a new option byte (8- or 16-bit characters) at the start of the next
/// (MS-XLS 2.5.293 XLUnicodeRichExtendedString). Every read is checked; a read past the end gives nil.
struct ContinuedBytes {
    private let segments: [ArraySlice<UInt8>]
    private var segment = 0
    private var position: Int

    init(_ segments: [ArraySlice<UInt8>]) {
        self.segments = segments
        position = segments.first?.startIndex ?? 0
    }

    /// Moves to the next segment with bytes left when the current one is used up; false at the end.
    private mutating func settle() -> Bool {
        while segment < segments.count {
            if position < segments[segment].endIndex { return true }
            segment += 1
            if segment < segments.count { position = segments[segment].startIndex }
        }
        return false
    }

    mutating func byte() -> UInt8? {
        guard settle() else { return nil }
        defer { position += 1 }
        return segments[segment][position]
    }

    mutating func u16() -> Int? {
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
            let step = min(left, segments[segment].endIndex - position)
            position += step
            left -= step
        }
        return true
    }

    /// `count` characters, 16-bit when `wide`; a segment boundary inside them brings a new option byte.
    mutating func characters(_ count: Int, wide: Bool) -> [UInt16]? {
        var units: [UInt16] = []
        units.reserveCapacity(count)
        var wide = wide
        while units.count < count {
            guard segment < segments.count else { return nil }
            if position >= segments[segment].endIndex {
                segment += 1
                guard segment < segments.count else { return nil }
                position = segments[segment].startIndex
                guard position < segments[segment].endIndex else { continue }
                wide = segments[segment][position] & 0x01 != 0
                position += 1
                continue
            }
            let data = segments[segment]
            let wanted = count - units.count
            if wide {
                let available = min(wanted, (data.endIndex - position) / 2)
                if available == 0 {
                    position = data.endIndex  // one stray byte: the next record goes on
                    continue
                }
                for index in 0..<available {
                    let at = position + 2 * index
                    units.append(UInt16(data[at]) | UInt16(data[at + 1]) << 8)
                }
                position += 2 * available
            } else {
                let available = min(wanted, data.endIndex - position)
                for index in 0..<available { units.append(UInt16(data[position + index])) }
                position += available
            }
        }
        return units
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
        guard let units = characters(count, wide: flags & 0x01 != 0) else { return nil }
        // Runs and phonetic data cut short at the end of the data do not spoil the text before them.
        _ = skip(runs * 4)
        _ = skip(phonetic)
        return String(decoding: units, as: UTF16.self)
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
