import RegTrackerStore

/// `regtracker check`: the database file is sound and the kept figures equal the figures recomputed from the rows.
public struct ConsistencyCheck {
    public var store: any RegistryStore

    public init(store: any RegistryStore) {
        self.store = store
    }

    public struct Result: Sendable, Equatable {
        /// What SQLite's quick check reports; empty when the file is sound.
        public var integrityProblems: [String]
        public var differences: [FigureDifference]
        public var figures: FigureSummary

        public var isConsistent: Bool { integrityProblems.isEmpty && differences.isEmpty }
    }

    /// Reads one snapshot; changes nothing.
    public func run() throws -> Result {
        try store.read { transaction in
            Result(
                integrityProblems: try transaction.integrityProblems(),
                differences: try transaction.figureDifferences(), figures: try transaction.figureSummary())
        }
    }

    /// Recomputes the kept figures from the rows in one transaction; returns the groups written.
    public func repair() throws -> Int {
        try store.write { try $0.rebuildFigures() }
    }
}
