/// File names and paths as they are shown in messages and reports: control characters escaped, so that a file named
/// `bad\nregtracker: all files imported OK\n.csv` cannot forge a line on stderr and escape sequences never reach the
/// terminal raw.
public enum PrintableName {
    public static func escaped(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: isControl) else { return name }
        var result = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where isControl(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional overrides and
    /// isolates that can make a name read as another.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
