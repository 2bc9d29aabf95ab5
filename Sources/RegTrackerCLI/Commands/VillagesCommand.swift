import ArgumentParser
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// `villages [TOWNSHIP]`: a township's villages ranked, or every village of the county (SPEC 5).
struct VillagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "villages",
        abstract: Help.text(.villagesAbstract))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var targetOption: TargetOption
    @OptionGroup var output: OutputOptions

    @Flag(help: Help.argument(.printJSON(.villageTable)))
    var json = false

    @Argument(help: Help.argument(.villagesTownship))
    var township: String?

    @OptionGroup var countyOption: CountyOfTownshipOption

    func run() throws {
        let service = ReportService(store: try global.openExistingStore())
        try service.requireRoster()
        let report = try VillageLookup.report(
            township: township, county: countyOption.county, service: service, target: targetOption.value,
            language: global.language)
        if json { Console.out(VillageJSON.report(report).rendered()) }
        if let files = output.files(clock: global.clock) {
            let written = try files.writeVillages(report, formats: output.formats)
            for path in written where !json { global.say(.wrote(path: path)) }
        }
        guard !json, output.out == nil else { return }
        VillageLookup.warnAboutPopulationZero(report, quiet: global.quiet, language: global.language)
        global.say(VillageLookup.lines(report, language: global.language).joined(separator: "\n"))
    }
}

/// What `villages`, `rate` and `shortfall --by-village` share: finding the village table and printing it.
enum VillageLookup {
    /// The village table of `township` (a name or alias) or of the county; exit 1 when the roster has no villages
    /// or the township is not in it.
    static func report(
        township: String?, county: String? = nil, service: ReportService, target: Target, language: Language
    ) throws -> VillageReport {
        let found = try township.map { try resolveTownship($0, county: county, service: service, language: language) }
        let report = try FiguresSnapshot.read(service.store) { snapshot -> VillageReport? in
            guard snapshot.roster.roster.hasVillages else { return nil }
            let index = found.flatMap { found in snapshot.roster.ids.firstIndex(of: found.id) }
            if let found, index == nil {
                // A roster imported since the name was resolved has dropped it.
                throw CommandFailure(Strings.text(.unknownTownship(found.name, suggestion: nil), in: language))
            }
            return try snapshot.villageReport(township: index, target: target)
        }
        guard let report else { throw CommandFailure(Strings.text(.villages(.rosterHasNone), in: language)) }
        return report
    }

    /// The title, the table (or why there is none) and the rows that match no village.
    static func lines(_ report: VillageReport, language: Language) -> [String] {
        var lines = [
            Strings.text(
                .villages(
                    .title(
                        township: report.townshipLabel, target: report.target.percentText, ranked: report.rankedCount,
                        of: report.villages.count)), in: language)
        ]
        if report.villages.isEmpty, let township = report.townshipLabel {
            lines.append(Strings.text(.villages(.townshipHasNone(township)), in: language))
        } else {
            lines.append(table(report.villages, withTownship: report.township == nil, language: language))
        }
        lines.append(Strings.text(.villages(.unmatched(report.unmatched)), in: language))
        return lines
    }

    /// `villages` as an aligned table in `language`.
    static func table(_ villages: [VillageStanding], withTownship: Bool, language: Language) -> String {
        let words = Strings.tableWords(in: language)
        return ReportTable.aligned(
            [Strings.headings(.villageRanking(withTownship: withTownship), in: language)]
                + villages.map { VillageTable.row($0, withTownship: withTownship, words: words) })
    }

    /// SPEC 2 for villages: one with population 0 has no rate and is listed last, with a warning.
    static func warnAboutPopulationZero(_ report: VillageReport, quiet: Bool, language: Language) {
        guard !quiet else { return }
        for village in report.villages where !village.figures.hasRate {
            Console.error(
                Strings.text(
                    .warning(
                        Strings.text(
                            .villages(.populationZero(township: village.township, village: village.village)),
                            in: language)), in: language))
        }
    }
}
