import ArgumentParser
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender
import RegTrackerStore

struct BatchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batches", abstract: Help.text(.batchesAbstract))

    @OptionGroup var global: GlobalOptions

    @Flag(help: Help.argument(.printJSON(.list)))
    var json = false

    func run() throws {
        let batches = try BatchService(store: try global.openExistingStore(), clock: global.clock).batches()
        if json {
            let items = batches.map { batch -> JSONValue in
                .object([
                    ("batch", .int(batch.id ?? 0)), ("file", .string(batch.fileName)), ("kind", .string(batch.kind.rawValue)),
                    ("sha256", .string(batch.sha256)), ("imported_at", .string(batch.importedAt)),
                    ("format", .string(batch.format.rawValue)), ("rows", .int(Int64(batch.rows))),
                    ("skipped_rows", .int(Int64(batch.skippedRows))),
                    ("retracted_at", batch.retractedAt.map(JSONValue.string) ?? .null),
                    ("purged_at", batch.purgedAt.map(JSONValue.string) ?? .null),
                    ("state", .string(batch.isPurged ? "purged" : batch.isRetracted ? "retracted" : "active")),
                ])
            }
            return Console.out(JSONValue.object([("batches", .array(items))]).rendered())
        }
        let rows = batches.map { batch in
            [
                String(batch.id ?? 0), batch.fileName, Strings.text(.batchKind(batch.kind.rawValue), in: global.language), batch.importedAt,
                String(batch.rows), String(batch.sha256.prefix(12)), state(batch),
            ]
        }
        global.say(ReportTable.aligned([Strings.headings(.batches, in: global.language)] + rows))
    }

    private func state(_ batch: BatchRecord) -> String {
        if let purged = batch.purgedAt { return Strings.text(.batchPurgedAt(purged), in: global.language) }
        return Strings.text(batch.retractedAt.map { .batchRetractedAt($0) } ?? .batchActive, in: global.language)
    }
}
