import RegTrackerStore

/// `regtracker check`: the database file is sound, the kept figures equal the figures recomputed from the rows, and
/// the valid-key index holds the keys of the valid rows and nothing else.
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
        /// Where the valid-key index and the valid rows disagree; empty when they agree.
        public var validKeyDifferences: [ValidKeyDifference]

        public var isConsistent: Bool {
            integrityProblems.isEmpty && differences.isEmpty && validKeyDifferences.isEmpty
        }
    }

    /// Reads one snapshot; changes nothing.
    public func run() throws -> Result {
        try store.read { try Self.result(in: $0) }
    }

    static func result(in transaction: any FigureStore & RegistrationStore) throws -> Result {
        Result(
            integrityProblems: try transaction.integrityProblems(),
            differences: try transaction.figureDifferences(), figures: try transaction.figureSummary(),
            validKeyDifferences: try transaction.validKeyDifferences())
    }

    /// Recomputes the kept figures and the valid-key index from the rows in one transaction; returns the groups
    /// of figures written.
    public func repair() throws -> Int {
        try store.write { try Self.repair(in: $0) }
    }

    static func repair(in transaction: any FigureStore & RegistrationStore) throws -> Int {
        _ = try transaction.rebuildValidKeys()
        return try transaction.rebuildFigures()
    }
}
