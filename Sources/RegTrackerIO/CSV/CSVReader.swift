import RegTrackerCore

/// RFC 4180 CSV, streamed: quoted fields with embedded separators, quotes and newlines; CRLF, LF or CR.
/// The encoding and the separator (comma, tab or semicolon) are detected from the first megabyte.
public final class CSVReader: TableReader {
    public let description: TableDescription
    /// A record longer than this is not a list row: the file is rejected rather than read into memory.
    public static let maximumRecordBytes = 4 << 20
    /// Excel's widest sheet (XFD): a record with more fields is not a list row, and would cost memory per field.
    public static let maximumFields = 16_384

    private let chunks: ByteChunks
    private let delimiter: UInt8
    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 1
    private var record = 0
    private var exhausted = false
    /// The fields of the record before, as the next one's likely count.
    private var fieldsBefore = 0
    private var spareField: [UInt8] = []

    public init(path: String, options: ReadOptions) throws(ReadError) {
        let sample = try FileBytes.read(path, limit: TextDecoding.sampleSize)
        let detected = TextDecoding.detect(sample: sample, forced: options.encoding)
        delimiter = Self.detectDelimiter(sample)
        chunks = try ByteChunks(path: path, encoding: detected.encoding, skip: detected.skip)
        description = TableDescription(
            format: .csv, encoding: detected.name, delimiter: Character(Unicode.Scalar(delimiter)))
    }

    /// The next byte, refilling from the file as needed; nil at the end.
    @inline(__always)
    private func nextByte() throws(ReadError) -> UInt8? {
        if position == buffer.count {
            guard !exhausted, let chunk = try chunks.next() else {
                exhausted = true
                return nil
            }
            buffer = chunk
            position = 0
        }
        let byte = buffer[position]
        position += 1
        return byte
    }

    @inline(__always)
    private func peekByte() throws(ReadError) -> UInt8? {
        guard let byte = try nextByte() else { return nil }
        position -= 1
        return byte
    }

    public func nextRow() throws(ReadError) -> SourceRow? {
        guard try peekByte() != nil else { return nil }
        record += 1
        let startLine = line
        var cells: [Cell] = []
        // Records of a list have the same fields: one allocation, not one each time the array doubles.
        cells.reserveCapacity(fieldsBefore)
        // The field's bytes go to a buffer kept from record to record, taken out for the loop and put back after.
        var field = spareField
        spareField = []
        defer {
            field.removeAll(keepingCapacity: true)
            spareField = field
        }
        var quoted = false
        var inQuotes = false
        var recordBytes = 0
        let quote = UInt8(ascii: "\"")

        // A field the fast path below made a cell of already.
        var taken = false
        func finishField() {
            if taken {
                taken = false
            } else if field.isEmpty && !quoted {
                cells.append(.empty)
            } else {
                cells.append(.text(field.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }))
            }
            field.removeAll(keepingCapacity: true)
            quoted = false
        }

        while true {
            // The fast path, for nearly every field: one not quoted, whose end is in the chunk at hand, becomes a cell
            // straight from the chunk's bytes; its separator or line end is then read below as for any field.
            if !inQuotes, !quoted, !taken, field.isEmpty, let end = unquotedFieldEnd(quote: quote) {
                recordBytes += end - position
                if recordBytes > Self.maximumRecordBytes {
                    let megabytes = Self.maximumRecordBytes >> 20
                    throw ReadError(.recordTooLong(megabytes: megabytes, openQuote: false), at: .line(startLine))
                }
                cells.append(
                    .text(buffer.withUnsafeBufferPointer { String(decoding: $0[position..<end], as: UTF8.self) }))
                position = end
                taken = true
            }
            guard let byte = try nextByte() else { break }
            recordBytes += 1
            if recordBytes > Self.maximumRecordBytes {
                throw ReadError(
                    .recordTooLong(megabytes: Self.maximumRecordBytes >> 20, openQuote: inQuotes), at: .line(startLine))
            }
            if inQuotes {
                if byte == quote {
                    if try peekByte() == quote {
                        field.append(quote)
                        position += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == 0x0A {
                        line += 1
                    } else if byte == 0x0D, try peekByte() != 0x0A {
                        line += 1
                    }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case delimiter:
                finishField()
                if cells.count >= Self.maximumFields {
                    throw ReadError(.tooManyFields(maximum: Self.maximumFields), at: .line(startLine))
                }
            case quote where field.isEmpty && !quoted:
                inQuotes = true
                quoted = true
            case 0x0D, 0x0A:
                if byte == 0x0D, try peekByte() == 0x0A { position += 1 }
                line += 1
                finishField()
                return row(cells, startLine: startLine)
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            throw ReadError(.unclosedQuote, at: .line(startLine))
        }
        finishField()
        return row(cells, startLine: startLine)
    }

    /// Where the field starting at `position` ends (its separator or line end), when it is not quoted, not empty and
    /// ends within the chunk at hand; nil otherwise (the byte-by-byte path reads it).
    private func unquotedFieldEnd(quote: UInt8) -> Int? {
        buffer.withUnsafeBufferPointer { bytes -> Int? in
            var index = position
            guard index < bytes.count, bytes[index] != quote else { return nil }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == delimiter || byte == 0x0A || byte == 0x0D { return index > position ? index : nil }
                index += 1
            }
            return nil
        }
    }

    private func row(_ cells: [Cell], startLine: Int) -> SourceRow {
        fieldsBefore = cells.count
        return SourceRow(number: record, line: startLine, cells: cells.count == 1 && cells[0] == .empty ? [] : cells)
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
