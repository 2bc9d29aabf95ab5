import PostgresNIO
import RegTrackerStore

/// Writes counted groups (`FigureCounter`) to the kept figures by COPY; the statement trigger of migration p5 keeps
/// their totals, once a COPY. An import's ten thousand groups went as a dozen INSERT statements of bind parameters,
/// each parsed anew and each firing the trigger: 140 ms of a 100k-row import, most of it under the sequence lock.
struct PostgresFigureWriter {
    let connection: BlockingConnection

    init(_ connection: BlockingConnection) {
        self.connection = connection
    }

    func insert(_ counter: FigureCounter) throws {
        let groups = PostgresCopyRows(
            connection, table: "figure",
            columns: ["batch_id", "township_id", "outcome", "registered_day", "rows", "village_id"],
            bytesPerCopy: 16 << 20)
        for (key, rows) in counter.counts {
            try groups.appendRow { values in
                values.append(key.batch)
                values.append(key.township)
                values.append(Int16(key.outcome))
                values.append(FigureCounter.text(key.registeredDay))
                values.append(rows)
                values.append(key.village)
            }
        }
        try groups.flush()
    }
}
