/// Figures were asked of a database with no roster (SPEC 3): `report`, `rate` and `shortfall` say so and exit 1
/// rather than print an empty table.
public struct NoRosterError: Error, Sendable, Equatable {
    public init() {}
}

extension ReportService {
    /// Throws `NoRosterError` when no roster is imported (or every roster is retracted).
    public func requireRoster() throws {
        let townships = try store.read { try $0.currentRoster().roster.townships.count }
        if townships == 0 { throw NoRosterError() }
    }
}
