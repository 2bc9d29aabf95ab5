import Glibc

/// Decides how a CSV file's bytes are encoded and turns them into UTF-8 (SPEC 1: UTF-8, UTF-8 with BOM,
/// GB18030/GBK as Excel on a Chinese Windows writes it).
public enum TextDecoding {
    /// UTF-8 bytes (without BOM) and the name of the encoding they came from.
    static func decode(_ bytes: [UInt8], forced: ReadOptions.Encoding?) throws(ReadError) -> (utf8: [UInt8], name: String) {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        switch forced {
        case .utf8:
            let body = hasBOM ? Array(bytes.dropFirst(3)) : bytes
            if let offset = firstInvalidUTF8(body) {
                throw ReadError(
                    "not valid UTF-8", location: "line \(lineNumber(at: offset, in: body))",
                    hint: "save the file as UTF-8, or import it with --encoding gb18030")
            }
            return (body, hasBOM ? "utf-8-bom" : "utf-8")
        case .gb18030:
            return (try gb18030ToUTF8(bytes), "gb18030")
        case nil:
            if hasBOM {
                let body = Array(bytes.dropFirst(3))
                if let offset = firstInvalidUTF8(body) {
                    throw ReadError(
                        "starts with a UTF-8 byte-order mark but is not valid UTF-8",
                        location: "line \(lineNumber(at: offset, in: body))", hint: "save the file again as UTF-8")
                }
                return (body, "utf-8-bom")
            }
            if firstInvalidUTF8(bytes) == nil { return (bytes, "utf-8") }
            return (try gb18030ToUTF8(bytes), "gb18030")
        }
    }

    /// The offset of the first byte that breaks UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
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
                default: return index
                }
                guard index + length <= count else { return index }
                var scalar = UInt32(byte) & (0xFF >> (length + 1))
                for next in 1..<length {
                    let continuation = buffer[index + next]
                    guard continuation & 0xC0 == 0x80 else { return index }
                    scalar = scalar << 6 | UInt32(continuation & 0x3F)
                }
                guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return index }
                index += length
            }
            return nil
        }
    }

    static func lineNumber(at offset: Int, in bytes: [UInt8]) -> Int {
        bytes[..<min(offset, bytes.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// GB18030 (a superset of GBK and GB2312) to UTF-8 with glibc's iconv.
    static func gb18030ToUTF8(_ bytes: [UInt8]) throws(ReadError) -> [UInt8] {
        try convert(bytes, from: "GB18030", to: "UTF-8")
    }

    /// UTF-8 text as GB18030 bytes, as Excel on a Chinese Windows saves CSV (for sample files and tests).
    public static func gb18030(_ text: String) throws(ReadError) -> [UInt8] {
        try convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
    }

    private static func convert(_ bytes: [UInt8], from source: String, to destination: String) throws(ReadError) -> [UInt8] {
        let converter = iconv_open(destination, source)
        guard converter != iconv_t(bitPattern: -1) else {
            throw ReadError("this system's iconv cannot convert \(source) to \(destination)", hint: "save the file as UTF-8")
        }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var input = bytes
        // GB18030 never needs fewer bytes than UTF-8 for the same text, except 2-byte Han (3 in UTF-8): 2× is enough.
        let (failedAt, outputLeft): (Int?, Int) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return (result == -1 ? inBuffer.count - inLeft : nil, outLeft)
            }
        }
        if let failedAt {
            throw ReadError(
                "neither UTF-8 nor \(source) text", location: "line \(lineNumber(at: failedAt, in: bytes))",
                hint: "save the file as CSV UTF-8 from Excel, or check that it is a text file")
        }
        output.removeLast(outputLeft)
        return output
    }
}
