import RegTrackerCore

/// RFC 4180 CSV on bytes: quoted fields with embedded delimiters, quotes and newlines; CRLF, LF or CR.
/// The separator (comma, tab or semicolon) is detected from the top of the file.
public final class CSVReader: TableReader {
    public let description: TableDescription
    private let bytes: [UInt8]
    private let delimiter: UInt8
    private var position = 0
    private var line = 1
    private var record = 0

    public convenience init(path: String, options: ReadOptions) throws(ReadError) {
        try self.init(bytes: FileBytes.read(path), options: options)
    }

    public init(bytes raw: [UInt8], options: ReadOptions) throws(ReadError) {
        let (utf8, encoding) = try TextDecoding.decode(raw, forced: options.encoding)
        bytes = utf8
        delimiter = Self.detectDelimiter(utf8)
        description = TableDescription(format: .csv, encoding: encoding, delimiter: Character(Unicode.Scalar(delimiter)))
    }

    public func nextRow() throws(ReadError) -> SourceRow? {
        guard position < bytes.count else { return nil }
        record += 1
        let startLine = line
        var cells: [Cell] = []
        var field: [UInt8] = []
        var quoted = false
        var inQuotes = false
        let quote = UInt8(ascii: "\"")

        func finishField() {
            if field.isEmpty && !quoted {
                cells.append(.empty)
            } else {
                cells.append(.text(String(decoding: field, as: UTF8.self)))
            }
            field.removeAll(keepingCapacity: true)
            quoted = false
        }

        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if inQuotes {
                if byte == quote {
                    if position < bytes.count, bytes[position] == quote {
                        field.append(quote)
                        position += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == 0x0A || (byte == 0x0D && (position >= bytes.count || bytes[position] != 0x0A)) { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case delimiter:
                finishField()
            case quote where field.isEmpty && !quoted:
                inQuotes = true
                quoted = true
            case 0x0D, 0x0A:
                if byte == 0x0D, position < bytes.count, bytes[position] == 0x0A { position += 1 }
                line += 1
                finishField()
                return row(cells, startLine: startLine)
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            throw ReadError(
                "a quoted field opened here is never closed", location: "line \(startLine)",
                hint: "the file is truncated or has a stray \" character; save it again from Excel")
        }
        finishField()
        return row(cells, startLine: startLine)
    }

    private func row(_ cells: [Cell], startLine: Int) -> SourceRow {
        SourceRow(number: record, line: startLine, cells: cells.count == 1 && cells[0] == .empty ? [] : cells)
    }

    /// The candidate found on the most of the first lines (outside quotes), then the most often.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")]
        var linesWith = [Int](repeating: 0, count: 3)
        var totals = [Int](repeating: 0, count: 3)
        var seenOnLine = [Bool](repeating: false, count: 3)
        var inQuotes = false
        var lines = 0
        for byte in bytes.prefix(256 * 1024) {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == 0x0A {
                lines += 1
                if lines >= 50 { break }
                seenOnLine = [false, false, false]
                continue
            }
            if let index = candidates.firstIndex(of: byte) {
                totals[index] += 1
                if !seenOnLine[index] {
                    seenOnLine[index] = true
                    linesWith[index] += 1
                }
            }
        }
        let best = (0..<3).max { a, b in (linesWith[a], totals[a], b) < (linesWith[b], totals[b], a) }!
        return totals[best] == 0 ? candidates[0] : candidates[best]
    }
}
