import PostgresNIO

/// Sends many rows of values in few statements: each statement carries up to `rowsPerStatement` rows as a VALUES
/// list, every value a bind parameter (cast to its column's type, so that a NULL has one). For what COPY cannot do:
/// updates, deletes, and inserts that may meet a stored key. Plain inserts of many rows go by `PostgresCopyRows`.
final class PostgresRowBatches {
    struct Column {
        var name: String
        /// The SQL type its parameter is cast to.
        var type: String
    }

    /// The values of the rows not yet sent, row after row; a caller appends one row's values, then calls `endRow`.
    var binds = PostgresBindings()
    private let connection: BlockingConnection
    private let columns: [Column]
    private let statement: (_ values: String) -> String
    private let rowsPerStatement: Int
    private var rows = 0
    private var fullStatement: String?
    /// The rows the statements changed, as PostgreSQL counted them.
    private(set) var changed = 0

    /// `statement`: the SQL around a VALUES list (`(…), (…)`) of the columns in this order.
    init(
        _ connection: BlockingConnection, columns: [Column], rowsPerStatement: Int = 1_000,
        statement: @escaping (_ values: String) -> String
    ) {
        self.connection = connection
        self.columns = columns
        self.statement = statement
        // The protocol numbers parameters with 16 bits.
        self.rowsPerStatement = min(rowsPerStatement, Int(UInt16.max) / columns.count)
    }

    func endRow() throws {
        rows += 1
        if rows == rowsPerStatement { try flush() }
    }

    /// Sends the rows not yet sent.
    func flush() throws {
        guard rows > 0 else { return }
        let sql: String
        if rows == rowsPerStatement {
            sql = fullStatement ?? statement(values(rows))
            fullStatement = sql
        } else {
            sql = statement(values(rows))
        }
        changed += try connection.execute(PostgresQuery(unsafeSQL: sql, binds: binds))
        binds = PostgresBindings()
        rows = 0
    }

    private func values(_ count: Int) -> String {
        var text = ""
        var parameter = 0
        for row in 0..<count {
            text += row == 0 ? "(" : ", ("
            for (index, column) in columns.enumerated() {
                parameter += 1
                text += (index == 0 ? "$" : ", $") + String(parameter) + "::" + column.type
            }
            text += ")"
        }
        return text
    }
}
