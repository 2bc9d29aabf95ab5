import RegTrackerCore
import RegTrackerIO
import RegTrackerStore

/// What every kind of import shares: the file's identity, the batch record, and turning any failure into a
/// rejection that names the file (nothing of it stored).
enum FileImport {
    /// The SHA-256 of the file's bytes, its identity as a batch (SPEC 3).
    static func sha256(of path: String) throws(ImportError) -> String {
        do { return try SHA256Digest.hex(path: path) } catch { throw ImportError(file: FileName.base(path), error) }
    }

    /// Runs `body`; whatever it throws becomes `.rejected` with the file named.
    static func rejectingFailures(of path: String, _ body: () throws -> ImportResult) -> ImportResult {
        let file = FileName.base(path)
        do {
            return try body()
        } catch let error as ImportError {
            return .rejected(error)
        } catch let error as ReadError {
            return .rejected(ImportError(file: file, error))
        } catch let error as StoreError {
            return .rejected(ImportError(file: file, problem: .store(error)))
        } catch {
            return .rejected(ImportError(file: file, problem: .unexpected("\(error)")))
        }
    }

    /// The batch record of a file read through `scan`.
    static func batch(
        _ kind: FileKind, file: String, sha256: String, clock: Clock, description: TableDescription, columns: ColumnMap,
        townshipOverride: String? = nil
    ) -> BatchRecord {
        BatchRecord(
            kind: kind, fileName: file, sha256: sha256, importedAt: clock.timestamp,
            format: description.format,
            encoding: description.encoding, sheet: description.sheet, headerRow: columns.headerRow,
            headers: columns.headers, townshipOverride: townshipOverride)
    }
}
