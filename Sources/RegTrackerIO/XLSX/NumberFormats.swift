/// Which cell styles of an .xlsx show numbers as dates (`xl/styles.xml`).
enum NumberFormats {
    /// Built-in formats that are dates or times: 14–22 and 45–47 everywhere; 27–36 and 50–58 are the
    /// date formats of Chinese, Japanese and Korean Excel (such as 31, `yyyy"年"m"月"d"日"`), which
    /// WPS and Chinese Excel write without spelling out their codes.
    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id)
    }

    /// True when a format code shows a date or time: it has d, m, y, h or s outside quoted text,
    /// `[…]` sections (colours, locales, `[h]` keeps its `:mm`), escaped `\x` and the `_x`/`*x` spacers.
    static func isDateCode(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var skipNext = false
        for byte in code.utf8 {
            if skipNext {
                skipNext = false
                continue
            }
            if inQuotes {
                if byte == 34 { inQuotes = false }
                continue
            }
            if inBrackets {
                if byte == 93 { inBrackets = false }
                continue
            }
            switch byte {
            case 34: inQuotes = true  // "
            case 91: inBrackets = true  // [
            case 92, 95, 42: skipNext = true  // \ _ *
            case 100, 68, 109, 77, 121, 89, 104, 72, 115, 83: return true  // d m y h s, either case
            default: break
            }
        }
        return false
    }

    /// Per `cellXfs` index, whether its number format is a date.
    static func dateStyles(_ xml: XMLStreamReader) throws(ReadError) -> [Bool] {
        var customCodes: [Int: String] = [:]
        var styles: [Bool] = []
        var section = ""
        while try xml.read() {
            guard xml.kind == .element else { continue }
            if xml.depth == 1 {
                section = xml.localName
                continue
            }
            guard xml.depth == 2 else { continue }
            if section == "numFmts", xml.isNamed("numFmt") {
                if let id = xml.attribute("numFmtId").flatMap({ Int($0) }) {
                    customCodes[id] = xml.attribute("formatCode") ?? ""
                }
            } else if section == "cellXfs", xml.isNamed("xf") {
                let id = xml.attribute("numFmtId").flatMap { Int($0) } ?? 0
                styles.append(customCodes[id].map(isDateCode) ?? isBuiltInDate(id))
            }
        }
        return styles
    }
}
