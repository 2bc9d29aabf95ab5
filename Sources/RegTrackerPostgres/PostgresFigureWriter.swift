import PostgresNIO
import RegTrackerStore

/// Writes counted groups (`FigureCounter`) to the kept figures, many groups a statement; the trigger of migration
/// p2 keeps their totals.
struct PostgresFigureWriter {
    let connection: BlockingConnection

    init(_ connection: BlockingConnection) {
        self.connection = connection
    }

    func insert(_ counter: FigureCounter) throws {
        let columns: [PostgresRowBatches.Column] = [
            .init(name: "batch_id", type: "bigint"), .init(name: "township_id", type: "bigint"),
            .init(name: "outcome", type: "smallint"), .init(name: "registered_day", type: "text"),
            .init(name: "rows", type: "bigint"), .init(name: "village_id", type: "bigint"),
        ]
        let groups = PostgresRowBatches(connection, columns: columns) {
            "INSERT INTO figure (batch_id, township_id, outcome, registered_day, rows, village_id) VALUES \($0)"
        }
        for (key, rows) in counter.counts {
            groups.binds.append(key.batch)
            groups.binds.append(key.township)
            groups.binds.append(Int16(key.outcome))
            groups.binds.append(FigureCounter.text(key.registeredDay))
            groups.binds.append(rows)
            groups.binds.append(key.village)
            try groups.endRow()
        }
        try groups.flush()
    }
}
