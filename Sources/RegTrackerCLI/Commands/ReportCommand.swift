import ArgumentParser
import Foundation
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The ranked table of every township.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var targetOption: TargetOption
    @OptionGroup var output: OutputOptions

    @Flag(help: "Print the report as JSON on stdout.")
    var json = false

    @Option(name: .customLong("as-of"), help: "The figures as they stood at the end of this day, YYYY-MM-DD.")
    var asOf: Checked<CivilDate>?

    func validate() throws {
        if let asOf {
            try asOf.check { _ in
                Strings.text(.badDateOption(option: "--as-of", text: asOf.text), in: global.language)
            }
        }
    }

    func run() throws {
        let store = try global.openExistingStore()
        try ReportService(store: store).requireRoster()
        let day = asOf?.value
        let (report, lastSubmission) =
            try day.map { try TrendService(store: store).report(target: targetOption.value, asOf: $0) }
            ?? ReportService(store: store).report(target: targetOption.value)
        // Files and titles carry the as-of date instead of today's.
        let clock = day.map { Clock(today: $0, timestamp: "\($0.iso8601Unchecked) 23:59:59") } ?? global.clock
        warnAboutPopulationZero(report, quiet: global.quiet, language: global.language)
        // 较上期: against the latest notice issued for a period that ended by the report's date, if any.
        let since = try NoticeService(store: store).baseline(onOrBefore: clock.today)
        if json {
            Console.out((since.map { ReportChange.json(report, since: $0) } ?? ReportJSON.report(report)).rendered())
        }
        if let files = output.files(clock: clock) {
            let written = try files.writeReport(
                report, lastSubmission: lastSubmission, formats: output.formats, since: since)
            for path in written where !json { global.say(.wrote(path: path)) }
        }
        if !json && output.out == nil {
            global.say(.reportTitle(target: report.target.percentText, date: clock.today.iso8601Unchecked))
            let rows = report.townships.map { figures in
                ReportTable.row(figures) + [lastSubmission[figures.township] ?? ReportSheets.neverSubmitted]
                    + (since.map { ReportChange.cells(figures, since: $0).map(\.text) } ?? [])
            }
            let headings = ReportSheets.rankedHeadings + (since == nil ? [] : ReportChange.headings)
            let totals = ReportTable.totalsRow(report) + [""] + (since == nil ? [] : ["", "", ""])
            global.say(ReportTable.aligned([headings] + rows + [totals]))
            if let since { global.say(ReportChange.note(since)) }
            if report.unassigned > 0 { global.say(.unassignedRows(report.unassigned)) }
        }
    }
}

/// `--out DIR` and `--format md,csv,html,xlsx`, for the commands that write files for people.
struct OutputOptions: ParsableArguments {
    @Option(help: "Write report files into this folder (nothing is written without it).")
    var out: String?

    @Option(help: "Formats to write with --out, comma separated: md,csv,html,xlsx (default: all four; needs --out).")
    var format: Checked<FormatList>?

    func validate() throws {
        try format?.check { unknown in Strings.text(.unknownFormat(unknown.name), in: .current) }
        // Without --out nothing is written: a format alone would do nothing, silently (issue 12).
        if format != nil && out == nil { throw ValidationError(Strings.text(.formatNeedsOut, in: .current)) }
    }

    var formats: [ReportFiles.Format] { format?.value.formats ?? ReportFiles.Format.allCases }

    func files(clock: Clock) -> ReportFiles? { out.map { ReportFiles(folder: $0, clock: clock) } }
}

/// SPEC 2: a township with population 0 has no rate and is listed last, with a warning.
func warnAboutPopulationZero(_ report: Report, quiet: Bool, language: Language) {
    guard !quiet else { return }
    for township in report.townshipsWithoutPopulation {
        Console.error(.populationZero(township.township), in: language)
    }
}

/// The roster township a name or alias given on the command line stands for, or exit 1 with a suggestion.
func resolveTownship(_ name: String, service: ReportService, language: Language) throws -> (name: String, id: Int64) {
    guard let found = try service.township(named: name) else {
        throw CommandFailure(
            Strings.text(.unknownTownship(name, suggestion: try service.suggestion(for: name)), in: language))
    }
    return found
}
