import RegTrackerIO

/// How a text file ends its lines: `inspect` shows it, since a list that mixes them was often pasted together.
public enum LineEndings: String, Sendable, Equatable {
    case crlf = "CRLF"
    case lf = "LF"
    case cr = "CR"
    case mixed = "mixed"
    /// The sample has no line break at all (a one-line file).
    case none = "none"

    /// Counts the breaks in the first megabyte, outside quoted fields (a break inside quotes is cell text).
    public static func detect(path: String) throws(ReadError) -> LineEndings {
        detect(asciiUnits(try FileBytes.read(path, limit: 1 << 20)))
    }

    /// A UTF-16 file (after its byte order mark) as one byte a code unit, ASCII kept and anything else 0x80: a
    /// Chinese character's byte that happens to be 0x0A is no line feed.
    static func asciiUnits(_ bytes: [UInt8]) -> [UInt8] {
        let littleEndian = bytes.starts(with: [0xFF, 0xFE])
        guard littleEndian || bytes.starts(with: [0xFE, 0xFF]) else { return bytes }
        return stride(from: 2, to: bytes.count - 1, by: 2).map { index in
            let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            return high == 0 && low < 0x80 ? low : 0x80
        }
    }

    static func detect(_ bytes: [UInt8]) -> LineEndings {
        var crlf = 0
        var lf = 0
        var cr = 0
        var inQuotes = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == 0x0D {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                        crlf += 1
                        index += 1
                    } else if index + 1 < bytes.count {
                        cr += 1
                    }
                } else if byte == 0x0A {
                    lf += 1
                }
            }
            index += 1
        }
        switch (crlf > 0, lf > 0, cr > 0) {
        case (false, false, false): return .none
        case (true, false, false): return .crlf
        case (false, true, false): return .lf
        case (false, false, true): return .cr
        default: return .mixed
        }
    }
}
