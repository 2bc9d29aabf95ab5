import RegTrackerCore

/// The kept figures (rows counted by batch, township, village, outcome and registration day) and the counts read
/// from them: what the reports, the trend, the notices and the dashboard show.
public protocol FigureStore {
    /// A number that moves whenever another connection committed a change since this connection last read, and
    /// only then; the same throughout one read (SQLite: `PRAGMA data_version`). A connection's own writes do not
    /// move it.
    func changeStamp() throws -> Int64
    /// Today's figures, from the kept figures (not the rows).
    func outcomeTally(roster: StoredRoster) throws -> OutcomeTally
    /// Today's village figures (SPEC 5), from the kept figures.
    func villageTally() throws -> VillageTally
    /// Rows with an outcome, grouped by township, outcome, registration day and import day.
    func datedOutcomeCounts() throws -> [DatedOutcomeCount]
    /// One township's rows with an outcome, by village (村/社区) and outcome.
    func villageCounts(township: Int64) throws -> [VillageCount]
    /// Rows with an outcome by batch, township, outcome and whether registered_at is a date after `day`.
    func batchOutcomeCounts(registeredAfter day: CivilDate) throws -> [BatchOutcomeCount]
    /// Where the kept figures and the figures recomputed from the rows differ; empty when they agree.
    func figureDifferences() throws -> [FigureDifference]
    func figureSummary() throws -> FigureSummary
    /// Sets the kept figures to the ones recomputed from the rows (`check --repair`); returns the groups written.
    func rebuildFigures() throws -> Int
    /// What the storage engine's own check finds wrong; empty when the store is sound.
    func integrityProblems() throws -> [String]
}
