import RegTrackerCore

/// A push-parse handler that builds rows, for `XMLPushedRows` to hand on: at most a chunk's worth are held, as they
/// are taken before more is parsed.
protocol XMLRowBuilder: XMLPushHandler {
    /// How many rows are built and not yet taken.
    var builtRowCount: Int { get }
    /// The built row at `index` (below `builtRowCount`).
    func builtRow(at index: Int) -> SourceRow
    /// Forgets the built rows once all have been taken.
    func removeBuiltRows()
}

/// The rows a push parse builds, handed on one at a time: the next chunk is parsed only once the rows of the one
/// before have been taken, so memory holds one chunk's rows at most; an error met in a chunk is thrown after the rows
/// before it.
final class XMLPushedRows<Builder: XMLRowBuilder> {
    let builder: Builder
    private let parser: XMLPushParser
    /// The next built row to hand on.
    private var nextIndex = 0
    private var parsedToEnd = false
    /// An error met in a chunk, thrown once the rows before it have been taken.
    private(set) var pendingError: ReadError?

    init(parser: XMLPushParser, builder: Builder) {
        self.parser = parser
        self.builder = builder
    }

    func next() throws(ReadError) -> SourceRow? {
        while nextIndex == builder.builtRowCount {
            builder.removeBuiltRows()
            nextIndex = 0
            guard parseMore() else {
                if let pendingError { throw pendingError }
                return nil
            }
        }
        defer { nextIndex += 1 }
        return builder.builtRow(at: nextIndex)
    }

    /// Parses the next chunk; false once there is nothing more (the end of the document or of the rows wanted, or an
    /// error, kept in `pendingError`).
    func parseMore() -> Bool {
        guard !parsedToEnd else { return false }
        do {
            parsedToEnd = try !parser.feed()
        } catch {
            pendingError = error
            parsedToEnd = true
        }
        return true
    }
}
