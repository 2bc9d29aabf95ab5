import Glibc

/// A file read in fixed-size chunks and handed on as UTF-8: checked as it goes when the file is UTF-8,
/// converted with iconv when it is GB18030 or UTF-16. Memory stays at a chunk, whatever the file's size.
final class ByteChunks {
    enum Encoding {
        case utf8
        case gb18030
        /// Excel's "Unicode text" (Unicode 文本, .txt): UTF-16, little-endian, after a byte order mark.
        case utf16LittleEndian
        case utf16BigEndian

        /// iconv's name of the encoding converted from; nil for UTF-8, which is only checked.
        var iconvName: String? {
            switch self {
            case .utf8: nil
            case .gb18030: "GB18030"
            case .utf16LittleEndian: "UTF-16LE"
            case .utf16BigEndian: "UTF-16BE"
            }
        }
    }

    static let chunkSize = 1 << 20

    private let descriptor: Int32
    private let encoding: Encoding
    private var converter: iconv_t?
    /// Bytes read but not yet handed on: an incomplete UTF-8 or GB18030 sequence at a chunk's end.
    private var carry: [UInt8] = []
    private var raw = [UInt8](repeating: 0, count: ByteChunks.chunkSize)
    private var atEnd = false
    /// Lines handed on so far, to name the line of a bad byte.
    private var linesSoFar = 1

    init(path: String, encoding: Encoding, skip: Int) throws(ReadError) {
        descriptor = try FileBytes.open(path)
        self.encoding = encoding
        if skip > 0 { lseek(descriptor, off_t(skip), SEEK_SET) }
        if let name = encoding.iconvName {
            let handle = iconv_open("UTF-8", name)
            guard handle != iconv_t(bitPattern: -1) else {
                close(descriptor)
                throw ReadError(.gb18030Unavailable)
            }
            converter = handle
        }
    }

    deinit {
        close(descriptor)
        if let converter { iconv_close(converter) }
    }

    /// The next piece of UTF-8 text, or nil at the end of the file.
    func next() throws(ReadError) -> [UInt8]? {
        while !atEnd {
            let count = raw.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { throw ReadError(.cannotRead(errno: errno)) }
            if count == 0 {
                atEnd = true
                break
            }
            var input = carry
            input.append(contentsOf: raw[0..<count])
            carry = []
            let output = try decode(input, final: false)
            if !output.isEmpty { return countingLines(output) }
        }
        guard !carry.isEmpty else { return nil }
        let rest = carry
        carry = []
        return countingLines(try decode(rest, final: true))
    }

    private func countingLines(_ output: [UInt8]) -> [UInt8] {
        for byte in output where byte == 0x0A { linesSoFar += 1 }
        return output
    }

    private func decode(_ input: [UInt8], final: Bool) throws(ReadError) -> [UInt8] {
        switch encoding {
        case .utf8:
            let (validEnd, bad) = UTF8Check.validPrefix(input)
            if bad || (final && validEnd < input.count) {
                let line = linesSoFar + input[..<validEnd].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
                throw ReadError(.notUTF8, at: .line(line))
            }
            carry = Array(input[validEnd...])
            return validEnd == input.count ? input : Array(input[..<validEnd])
        case .gb18030, .utf16LittleEndian, .utf16BigEndian:
            return try convert(input, final: final)
        }
    }

    private func convert(_ input: [UInt8], final: Bool) throws(ReadError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var source = input
        let (consumed, written, failure) = Iconv.convert(converter, &source, into: &output)
        // EINVAL: an incomplete sequence at the end of the chunk, completed by the next one.
        if failure == EINVAL && !final {
            carry = Array(input[consumed...])
        } else if failure != 0 {
            let line = linesSoFar + output[..<written].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            throw ReadError(encoding == .gb18030 ? .notUTF8OrGB18030 : .notUTF16, at: .line(line))
        }
        output.removeLast(output.count - written)
        return output
    }
}

enum UTF8Check {
    /// How many leading bytes are whole, valid UTF-8 sequences, and whether a byte is invalid
    /// (as opposed to a sequence merely cut off by the end of `bytes`).
    static func validPrefix(_ bytes: [UInt8]) -> (end: Int, invalid: Bool) {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                let byte = buffer[index]
                if byte < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                let minimum: UInt32
                switch byte {
                case 0xC2...0xDF: (length, minimum) = (2, 0x80)
                case 0xE0...0xEF: (length, minimum) = (3, 0x800)
                case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
                default: return (index, true)
                }
                var scalar = UInt32(byte) & (0xFF >> (length + 1))
                for next in 1..<length {
                    guard index + next < count else { return (index, false) }
                    let continuation = buffer[index + next]
                    guard continuation & 0xC0 == 0x80 else { return (index, true) }
                    scalar = scalar << 6 | UInt32(continuation & 0x3F)
                }
                guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                    return (index, true)
                }
                index += length
            }
            return (count, false)
        }
    }
}
