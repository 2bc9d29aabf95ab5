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
        detect(try FileBytes.read(path, limit: 1 << 20))
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
