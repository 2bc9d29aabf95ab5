import RegTrackerCore

/// One imported file (SPEC 3), a row of the `batch` table. Its `id` is the batch number.
public struct BatchRecord: Codable, Sendable, Equatable {
    public var id: Int64?
    public var kind: FileKind
    public var fileName: String
    public var sha256: String
    /// `YYYY-MM-DD HH:MM:SS`, local time.
    public var importedAt: String
    public var format: FileFormat
    public var encoding: String?
    public var sheet: String?
    public var headerRow: Int?
    /// The header texts joined by U+001F.
    public var headers: String
    public var townshipOverride: String?
    public var rows: Int
    public var skippedRows: Int
    public var retractedAt: String?
    /// The batch's place in the sequence of SPEC 2: its own number, or that of the batch it replaced.
    public var sequence: Int64?
    /// When its rows were deleted for good (`retract --purge`); the record itself stays.
    public var purgedAt: String?

    public init(
        kind: FileKind, fileName: String, sha256: String, importedAt: String, format: FileFormat, encoding: String?,
        sheet: String?, headerRow: Int?, headers: [String], townshipOverride: String?, sequence: Int64? = nil
    ) {
        self.kind = kind
        self.fileName = fileName
        self.sha256 = sha256
        self.importedAt = importedAt
        self.format = format
        self.encoding = encoding
        self.sheet = sheet
        self.headerRow = headerRow
        self.headers = headers.joined(separator: "\u{1F}")
        self.townshipOverride = townshipOverride
        self.rows = 0
        self.skippedRows = 0
        self.retractedAt = nil
        self.sequence = sequence
        self.purgedAt = nil
    }

    public var isRetracted: Bool { retractedAt != nil }
    public var isPurged: Bool { purgedAt != nil }
}
