import ArgumentParser
import RegTrackerCore
import RegTrackerKit
import RegTrackerStore

struct RetractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract", abstract: Help.text(.retractAbstract))

    @OptionGroup var global: GlobalOptions

    @Flag(help: Help.argument(.retractPurge))
    var purge = false

    @Argument(help: Help.argument(.retractBatch))
    var batch: Int64

    func run() throws {
        let service = BatchService(store: try global.openStore(creating: false), clock: global.clock)
        switch try service.retract(batch, purge: purge) {
        case .notFound:
            throw CommandFailure(.noSuchBatch(batch), in: global.language)
        case .alreadyRetracted(let record):
            global.say(.alreadyRetracted(batch: batch, file: record.fileName, at: record.retractedAt ?? "?"))
        case .alreadyPurged(let record):
            global.say(
                Strings.text(
                    .alreadyPurged(batch: batch, file: record.fileName, at: record.purgedAt ?? "?"), in: global.language
                ))
        case .purgedRetracted(let record):
            let retractedAt = record.retractedAt ?? "?"
            global.say(
                Strings.text(
                    .purgedRetracted(batch: batch, file: record.fileName, at: retractedAt), in: global.language))
        case .retracted(let record, let summary):
            global.say(
                Strings.text(
                    .retractSummary(batch: batch, file: record.fileName, purged: purge, summary: summary),
                    in: global.language))
        }
        if purge, try !service.erasePurged() {
            Console.error(Strings.text(.purgeJournalBusy(batch), in: global.language))
        }
    }
}
