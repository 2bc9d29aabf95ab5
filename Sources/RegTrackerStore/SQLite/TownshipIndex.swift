import GRDB

/// The index of registration rows by township (`registration_by_township`), set aside while most of the table
/// changes and built again from the rows after. A B-tree built by one sort writes each page once; one kept up a row
/// at a time takes an entry at a random page, and with more pages than the cache the same pages go to the WAL again
/// and again (a 1M-row copy: 2.5–3.0 s with the index kept up, 1.3–1.5 s without and 0.5 s to build it after).
struct TownshipIndex {
    static let name = "registration_by_township"

    /// A change of more rows than this, and more than the table held before, sets the index aside. A variable only so
    /// that a test can take that path with a few rows.
    nonisolated(unsafe) static var setAsideRows = 100_000

    /// The index's SQL, to build it again.
    private let definition: String

    /// Drops the index within the caller's transaction (readers keep seeing it in their snapshots); nil when there
    /// is none, already set aside.
    static func setAside(in db: Database) throws -> TownshipIndex? {
        guard
            let definition = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name])
        else { return nil }
        try db.execute(sql: "DROP INDEX \(name)")
        return TownshipIndex(definition: definition)
    }

    func restore(in db: Database) throws {
        try db.execute(sql: definition)
    }
}
