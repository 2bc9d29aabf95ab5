import PostgresNIO

/// Sends rows with `COPY … FROM STDIN` in its text format: a value is its text with backslash, tab, newline and
/// carriage return escaped, NULL is `\N`. Rows gather in a buffer that goes as one COPY when it holds
/// `bytesPerCopy`: far fewer round trips and far less server work per row than INSERT statements with bind
/// parameters. Each COPY ends before `append` returns, so the connection is free for other queries (an import's
/// valid-key lookups) between rows.
final class PostgresCopyRows {
    private let connection: BlockingConnection
    private let table: String
    private let columns: [String]
    private let bytesPerCopy: Int
    private var buffer = ByteBuffer()
    private var valuesInRow = 0
    /// The rows sent and waiting, as COPY counts them.
    private(set) var rows = 0

    /// `table` and `columns` are SQL names written by this module, never user text.
    init(_ connection: BlockingConnection, table: String, columns: [String], bytesPerCopy: Int = 4 << 20) {
        self.connection = connection
        self.table = table
        self.columns = columns
        self.bytesPerCopy = bytesPerCopy
        buffer.reserveCapacity(bytesPerCopy + (64 << 10))
    }

    func append(_ value: Int64?) {
        separate()
        guard let value else { return writeNull() }
        buffer.writeString(String(value))
    }

    func append(_ value: Int16) {
        append(Int64(value))
    }

    func append(_ value: Bool) {
        separate()
        buffer.writeInteger(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    }

    func append(_ value: String?) {
        separate()
        guard var value else { return writeNull() }
        value.withUTF8 { bytes in
            // Most values need no escape: copy them whole.
            guard bytes.contains(where: { $0 == Self.backslash || $0 < 0x20 }) else {
                buffer.writeBytes(bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case Self.backslash: buffer.writeBytes([Self.backslash, Self.backslash])
                case UInt8(ascii: "\t"): buffer.writeBytes([Self.backslash, UInt8(ascii: "t")])
                case UInt8(ascii: "\n"): buffer.writeBytes([Self.backslash, UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): buffer.writeBytes([Self.backslash, UInt8(ascii: "r")])
                // No PostgreSQL text holds a NUL (cells come without one, CellText): left out, not failing the file.
                case 0: break
                default: buffer.writeInteger(byte)
                }
            }
        }
    }

    /// Ends the row whose values were appended; sends the buffer once it is full.
    func endRow() throws {
        precondition(valuesInRow == columns.count, "a COPY row has one value a column")
        buffer.writeInteger(UInt8(ascii: "\n"))
        valuesInRow = 0
        rows += 1
        if buffer.readableBytes >= bytesPerCopy { try flush() }
    }

    /// Sends the rows not yet sent.
    func flush() throws {
        guard buffer.readableBytes > 0 else { return }
        try connection.copy(into: table, columns: columns, data: buffer)
        buffer.clear()
    }

    private func separate() {
        if valuesInRow > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
        valuesInRow += 1
    }

    private func writeNull() {
        buffer.writeBytes([Self.backslash, UInt8(ascii: "N")])
    }

    private static let backslash = UInt8(ascii: "\\")
}
