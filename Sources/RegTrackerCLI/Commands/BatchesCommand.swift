import ArgumentParser
import RegTrackerCore
import RegTrackerKit
import RegTrackerStore

struct BatchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batches", abstract: "List imported batches.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the list as JSON on stdout.")
    var json = false

    func run() throws {
        let batches = try BatchService(store: try global.openExistingStore(), clock: global.clock).batches()
        if json {
            let items = batches.map { batch -> JSONValue in
                .object([
                    ("batch", .int(batch.id ?? 0)), ("file", .string(batch.fileName)), ("kind", .string(batch.kind)),
                    ("sha256", .string(batch.sha256)), ("imported_at", .string(batch.importedAt)),
                    ("format", .string(batch.format)), ("rows", .int(Int64(batch.rows))),
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
                String(batch.id ?? 0), batch.fileName, Strings.text(.batchKind(batch.kind), in: global.language), batch.importedAt,
                String(batch.rows), String(batch.sha256.prefix(12)), state(batch),
            ]
        }
        global.say(ReportTable.aligned([["批次", "文件", "类型", "导入时间", "行数", "sha256", "状态"]] + rows))
    }

    private func state(_ batch: BatchRecord) -> String {
        if let purged = batch.purgedAt { return Strings.text(.batchPurgedAt(purged), in: global.language) }
        return Strings.text(batch.retractedAt.map { .batchRetractedAt($0) } ?? .batchActive, in: global.language)
    }
}

struct RetractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract", abstract: "Retract a batch: its rows stop counting at once.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Also delete the batch's stored rows for good (personal data).")
    var purge = false

    @Argument(help: "The batch number (see `regtracker batches`).")
    var batch: Int64

    func run() throws {
        let service = BatchService(store: try global.openStore(), clock: global.clock)
        switch try service.retract(batch, purge: purge) {
        case .notFound:
            Console.error(.noSuchBatch(batch), in: global.language)
            throw ExitCode(1)
        case .alreadyRetracted(let record):
            global.say(.alreadyRetracted(batch: batch, file: record.fileName, at: record.retractedAt ?? "?"))
        case .alreadyPurged(let record):
            global.say(Strings.text(.alreadyPurged(batch: batch, file: record.fileName, at: record.purgedAt ?? "?"), in: global.language))
        case .purgedRetracted(let record):
            let retractedAt = record.retractedAt ?? "?"
            global.say(Strings.text(.purgedRetracted(batch: batch, file: record.fileName, at: retractedAt), in: global.language))
        case .retracted(let record, let summary):
            global.say(
                Strings.text(.retractSummary(batch: batch, file: record.fileName, purged: purge, summary: summary), in: global.language))
        }
        if purge, try !service.erasePurged() { Console.error(Strings.text(.purgeJournalBusy(batch), in: global.language)) }
    }
}
