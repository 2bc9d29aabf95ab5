import ArgumentParser
import Foundation
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: Help.text(.reportAbstract))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var targetOption: TargetOption
    @OptionGroup var output: OutputOptions

    @Flag(help: Help.argument(.printJSON(.report)))
    var json = false

    @Option(name: .customLong("as-of"), help: Help.argument(.reportAsOf))
    var asOf: Checked<CivilDate>?

    @Option(help: Help.argument(.reportCounty))
    var county: String?

    @Option(help: Help.argument(.reportBy))
    var by: Checked<ReportLevel>?

    func validate() throws {
        if let by {
            try by.check { _ in
                Strings.text(
                    .badChoice(option: "--by", text: by.text, choices: ReportLevel.allValueStrings),
                    in: global.language)
            }
            if county != nil { throw ValidationError(Strings.text(.counties(.countyWithBy), in: global.language)) }
        }
        if let asOf {
            try asOf.check { _ in
                Strings.text(.badDateOption(option: "--as-of", text: asOf.text), in: global.language)
            }
        }
    }

    func run() throws {
        let store = try global.openExistingStore()
        try ReportService(store: store).requireRoster()
        // SPEC 8: the county is looked up before anything is computed, so that a wrong name costs nothing.
        let service = ReportService(store: store)
        let county = try self.county.map { try resolveCounty($0, service: service, language: global.language) }
        let counties = try by == nil ? [] : service.counties()
        if by != nil, counties.isEmpty {
            throw CommandFailure(Strings.text(.counties(.rosterHasNone), in: global.language))
        }
        let day = asOf?.value
        let (report, lastSubmission) =
            try day.map { try TrendService(store: store).report(target: targetOption.value, asOf: $0, county: county) }
            ?? service.report(target: targetOption.value, county: county)
        // Files and titles carry the as-of date instead of today's.
        let clock = day.map { Clock(today: $0, timestamp: "\($0.iso8601Unchecked) 23:59:59") } ?? global.clock
        if by != nil { return try printCounties(CountyReport(report, counties: counties), clock: clock) }
        warnAboutPopulationZero(report, quiet: global.quiet, language: global.language)
        // 较上期: against the latest notice issued for a period that ended by the report's date, if any.
        // A notice covers every township of the database: a county's report is not compared with it.
        let since = county != nil ? nil : try NoticeService(store: store).baseline(onOrBefore: clock.today)
        if json {
            let document =
                county.map { ReportJSON.report(report, county: $0) }
                ?? since.map { ReportChange.json(report, since: $0) } ?? ReportJSON.report(report)
            Console.out(document.rendered())
        }
        if let files = output.files(clock: clock) {
            let written = try files.writeReport(
                report, lastSubmission: lastSubmission, formats: output.formats, since: since, county: county)
            for path in written where !json { global.say(.wrote(path: path)) }
        }
        if !json && output.out == nil {
            if let county {
                global.say(
                    .counties(
                        .title(
                            county: county, target: report.target.percentText, date: clock.today.iso8601Unchecked)))
            } else {
                global.say(.reportTitle(target: report.target.percentText, date: clock.today.iso8601Unchecked))
            }
            let language = global.language
            let words = Strings.tableWords(in: language)
            let never = Strings.text(.neverSubmitted, in: language)
            let rows = report.townships.map { figures in
                ReportTable.row(figures, words: words) + [lastSubmission[figures.label] ?? never]
                    + (since.map { ReportChange.cells(figures, since: $0).map(\.text) } ?? [])
            }
            let change = since == nil ? [] : Strings.headings(.change, in: language)
            let headings = Strings.headings(.ranking, in: language) + change
            let totals = ReportTable.totalsRow(report, words: words) + [""] + change.map { _ in "" }
            global.say(ReportTable.aligned([headings] + rows + [totals]))
            if let since {
                global.say(.changeNote(period: since.period.description, end: since.period.end, issued: since.issued))
            }
            if report.unassigned > 0 { global.say(.unassignedRows(report.unassigned)) }
        }
    }
}

extension ReportCommand {
    /// `report --by county` (SPEC 8): the counties ranked, as text or JSON, and as files with `--out`.
    private func printCounties(_ counties: CountyReport, clock: Clock) throws {
        if json { Console.out(ReportJSON.counties(counties).rendered()) }
        if let files = output.files(clock: clock) {
            let written = try files.writeCounties(counties, formats: output.formats)
            for path in written where !json { global.say(.wrote(path: path)) }
        }
        guard !json, output.out == nil else { return }
        global.say(
            .counties(
                .countiesTitle(target: counties.target.percentText, date: clock.today.iso8601Unchecked)))
        let words = Strings.tableWords(in: global.language)
        let rows = counties.counties.map { CountyTable.row($0, words: words) }
        global.say(
            ReportTable.aligned(
                [Strings.headings(.counties, in: global.language)] + rows
                    + [CountyTable.totalsRow(counties, words: words)]))
        if counties.unassigned > 0 { global.say(.unassignedRows(counties.unassigned)) }
    }
}

/// What `report --by` ranks besides townships (SPEC 8).
enum ReportLevel: String, CaseIterable, Sendable, CommandLineValue {
    case county
}

/// `--out DIR` and `--format md,csv,html,xlsx`, for the commands that write files for people.
struct OutputOptions: ParsableArguments {
    @Option(help: Help.argument(.reportFolder))
    var out: String?

    @Option(help: Help.argument(.reportFormats))
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
