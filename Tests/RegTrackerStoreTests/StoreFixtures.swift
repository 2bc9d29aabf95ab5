/// SQL the store tests share to build a database by hand.
enum StoreFixtures {
    /// Batch 1, a roster imported 2026-11-01, and batch 2, a list imported 2026-11-03, each first in the sequence.
    static let rosterAndListBatches = """
        INSERT INTO batch (id, kind, file_name, sha256, imported_at, format, headers, sequence)
        VALUES (1, 'roster', 'r.csv', 'a', '2026-11-01 09:00:00', 'csv', '', 1),
            (2, 'registrations', 'l.csv', 'b', '2026-11-03 09:00:00', 'csv', '', 2);
        """

    /// A township of the roster batch (1), first in the roster, on its row 2.
    static func township(id: Int, _ name: String, population: Int) -> String {
        """
        INSERT INTO township (id, batch_id, position, row_number, name, population, aliases)
        VALUES (\(id), 1, 0, 2, '\(name)', \(population), '');

        """
    }
}
