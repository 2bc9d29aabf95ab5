import PostgresNIO

/// `FigureStore.changeStamp` on PostgreSQL, which has no `PRAGMA data_version`: one row holds a counter that every
/// write transaction that changed anything advances as its last statement, so the new value becomes visible with
/// the commit and not before (a sequence would be seen before the commit, and moved by rollbacks). The connection
/// counts its own advances, and the stamp is the counter less those: another connection's commit moves it, the
/// connection's own writes do not, and in a read (one REPEATABLE READ snapshot) it stays the same throughout.
enum ChangeStamp {
    static let migration = PostgresSchema.Migration(
        identifier: "p3: the change stamp",
        statements: [
            "CREATE TABLE change_stamp (only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row), stamp BIGINT NOT NULL)",
            "INSERT INTO change_stamp (stamp) VALUES (0)",
        ])

    /// Advances the counter if the transaction wrote anything (it then has a transaction id); true if it did. The
    /// row lock it takes is held only for the commit that follows.
    static func advance(_ connection: BlockingConnection) throws -> Bool {
        try connection.execute(
            "UPDATE change_stamp SET stamp = stamp + 1 WHERE pg_current_xact_id_if_assigned() IS NOT NULL") > 0
    }

    static func read(_ connection: BlockingConnection, ownChanges: Int64) throws -> Int64 {
        let stamp = try connection.rows("SELECT stamp FROM change_stamp").first?["stamp"].decode(Int64.self) ?? 0
        return stamp - ownChanges
    }
}
