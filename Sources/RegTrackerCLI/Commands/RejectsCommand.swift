import ArgumentParser
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

struct RejectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejects", abstract: Help.text(.rejectsAbstract),
        discussion: Help.text(.rejectsDiscussion))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: Help.argument(.rejectsTownship))
    var township: String?

    @OptionGroup var countyOption: CountyOfTownshipOption

    @Flag(help: Help.argument(.rejectsUnassigned))
    var unassigned = false

    @Option(help: Help.argument(.rejectsBatch))
    var batch: Int64?

    @Option(help: Help.argument(.rejectsOutcome))
    var outcome: Checked<RejectOutcome>?

    @Flag(help: Help.argument(.rejectsJSON))
    var json = false

    func validate() throws {
        if let outcome {
            try outcome.check { _ in
                Strings.text(
                    .badChoice(option: "--outcome", text: outcome.text, choices: RejectOutcome.allValueStrings),
                    in: global.language)
            }
        }
        if unassigned, let township, !RejectFilter.namesUnassigned(township) {
            throw ValidationError(Strings.text(.unassignedWithTownship(township), in: global.language))
        }
    }

    func run() throws {
        let service = ReportService(store: try global.openExistingStore())
        let outcome = outcome?.value
        var filter = RejectFilter(batch: batch, outcome: outcome?.kind)
        if unassigned || outcome == .unassigned || township.map(RejectFilter.namesUnassigned) == true {
            filter.rows = .unassigned
        } else if let township {
            filter.rows = .township(
                try resolveTownship(township, county: countyOption.county, service: service, language: global.language)
                    .id)
        }
        if let batch, try !service.batchExists(batch) {
            throw CommandFailure(.rejectsNoSuchBatch(batch), in: global.language)
        }
        let rejects = try service.rejects(filter)
        if let files = output.files(clock: global.clock) {
            let shared = try service.sharedTownshipNames()
            // With --json, stdout holds the JSON document alone, as for every command.
            for path in try files.writeRejects(rejects, formats: output.formats, sharedNames: shared) where !json {
                global.say(.wrote(path: path))
            }
        }
        if json { return Console.out(RejectsJSON.json(rejects, in: global.language).rendered()) }
        if output.out != nil { return }
        let shared = try service.sharedTownshipNames()
        let rows = rejects.map { reject in
            [
                reject.label(sharedNames: shared)
                    ?? "(\(reject.townshipText.isEmpty ? "—" : Mask.digits(in: reject.townshipText)))",
                reject.fileName, String(reject.batch), String(reject.rowNumber), Mask.digits(in: reject.name),
                Strings.text(.outcome(reject.outcome), in: global.language),
                ReasonText.text(reject.reasons, in: global.language),
            ]
        }
        let headings = Strings.headings(.rejects, in: global.language)
        global.say(ReportTable.aligned([headings] + rows))
        global.say(.rowsNotCounted(rejects.count))
    }
}

/// `--outcome`: the outcomes of rows that do not count, by their short names.
enum RejectOutcome: String, CaseIterable, CommandLineValue {
    case duplicate, malformed, flagged, listed, unassigned

    var kind: OutcomeKind {
        switch self {
        case .duplicate: .duplicate
        case .malformed: .malformed
        case .flagged: .flagged
        case .listed: .listed
        case .unassigned: .unassigned
        }
    }
}
