import Glibc

/// Decides how a CSV file is encoded (SPEC 1: UTF-8, UTF-8 with BOM, GB18030/GBK as Excel on a Chinese Windows
/// writes it) from its first megabyte, and encodes text as GB18030 for sample files and tests.
public enum TextDecoding {
    static let sampleSize = 1 << 20

    struct Detected {
        var encoding: ByteChunks.Encoding
        var name: String
        /// Bytes to skip at the start (a BOM).
        var skip: Int
    }

    static func detect(sample: [UInt8], forced: ReadOptions.Encoding?) -> Detected {
        let hasBOM = sample.starts(with: [0xEF, 0xBB, 0xBF])
        switch forced {
        case .utf8: return Detected(encoding: .utf8, name: hasBOM ? "utf-8-bom" : "utf-8", skip: hasBOM ? 3 : 0)
        case .gb18030: return Detected(encoding: .gb18030, name: "gb18030", skip: 0)
        case nil:
            if hasBOM { return Detected(encoding: .utf8, name: "utf-8-bom", skip: 3) }
            // Excel's "Unicode text" starts with UTF-16's byte order mark (not UTF-32's, which continues with zeros).
            if sample.starts(with: [0xFF, 0xFE]), !sample.starts(with: [0xFF, 0xFE, 0, 0]) {
                return Detected(encoding: .utf16LittleEndian, name: "utf-16le", skip: 2)
            }
            if sample.starts(with: [0xFE, 0xFF]) { return Detected(encoding: .utf16BigEndian, name: "utf-16be", skip: 2) }
            let valid = UTF8Check.validPrefix(sample)
            if !valid.invalid || Self.isMostlyUTF8(sample[..<valid.end])
                || Self.gb18030ValidPrefix(sample) <= valid.end
            {
                // UTF-8 with a bad byte further on is UTF-8 text: decoding names that byte's line. So is a short
                // file that reads as far as UTF-8 as it does as GB18030.
                return Detected(encoding: .utf8, name: "utf-8", skip: 0)
            }
            return Detected(encoding: .gb18030, name: "gb18030", skip: 0)
        }
    }

    /// Whether valid UTF-8 text holds enough multi-byte sequences to be UTF-8 rather than GB18030 that happens to
    /// pass: GB18030's two-byte characters rarely form UTF-8 sequences, let alone sixteen in a row.
    static func isMostlyUTF8(_ prefix: ArraySlice<UInt8>) -> Bool {
        prefix.lazy.filter { $0 >= 0xC2 && $0 <= 0xF4 }.prefix(16).count == 16
    }

    /// How many leading bytes of `sample` read as GB18030 text (all of them when iconv is missing: the reader
    /// says so then).
    static func gb18030ValidPrefix(_ sample: [UInt8]) -> Int {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return sample.count }
        defer { iconv_close(converter) }
        var input = sample
        var output = [UInt8](repeating: 0, count: sample.count * 2 + 16)
        return Iconv.convert(converter, &input, into: &output).consumed
    }

    /// UTF-8 text as GB18030 bytes, as Excel on a Chinese Windows saves CSV.
    public static func gb18030(_ text: String) throws(ReadError) -> [UInt8] {
        let converter = iconv_open("GB18030", "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { throw ReadError(.gb18030Unavailable) }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let (_, written, failure) = Iconv.convert(converter, &input, into: &output)
        if failure != 0 { throw ReadError(.notGB18030Encodable) }
        return Array(output[..<written])
    }
}
