/// One line of the audit log: an action that removed data, kept after the data is gone.
public struct AuditLine: Codable, Sendable, Equatable {
    public var at: String
    public var user: String
    public var action: String
    public var batch: Int64
    public var rows: Int

    public init(at: String, user: String, action: String, batch: Int64, rows: Int) {
        self.at = at
        self.user = user
        self.action = action
        self.batch = batch
        self.rows = rows
    }
}
