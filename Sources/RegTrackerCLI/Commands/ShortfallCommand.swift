import ArgumentParser
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

struct ShortfallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shortfall", abstract: Help.text(.shortfallAbstract))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var targetOption: TargetOption
    @OptionGroup var output: OutputOptions

    @Flag(help: Help.argument(.printJSON(.list)))
    var json = false

    @Option(name: .customLong("by-village"), help: Help.argument(.shortfallByVillage))
    var byVillage: String?

    @OptionGroup var countyOption: CountyOfTownshipOption

    func validate() throws {
        if countyOption.county != nil, byVillage == nil {
            throw ValidationError(Strings.text(.countyOnlyWithByVillage, in: global.language))
        }
    }

    func run() throws {
        let service = ReportService(store: try global.openExistingStore())
        try service.requireRoster()
        if let byVillage { return try villages(of: byVillage, service: service) }
        let (report, _) = try service.report(target: targetOption.value)
        warnAboutPopulationZero(report, quiet: global.quiet, language: global.language)
        if json { Console.out(ReportJSON.shortfall(report).rendered()) }
        if let files = output.files(clock: global.clock) {
            let written = try files.writeShortfall(report, formats: output.formats)
            for path in written where !json { global.say(.wrote(path: path)) }
        }
        if !json && output.out == nil {
            let below = report.shortfall
            global.say(
                .shortfallTitle(
                    target: report.target.percentText, below: below.count, of: report.townships.filter(\.hasRate).count)
            )
            if below.isEmpty {
                global.say(.everyTownshipMet)
            } else {
                let words = Strings.tableWords(in: global.language)
                global.say(
                    ReportTable.aligned(
                        [Strings.headings(.townships, in: global.language)]
                            + below.map { ReportTable.row($0, words: words) }))
            }
        }
    }

    /// SPEC 5: the township's shortfall spread over its villages.
    private func villages(of township: String, service: ReportService) throws {
        let report = try VillageLookup.report(
            township: township, county: countyOption.county, service: service, target: targetOption.value,
            language: global.language)
        let below = report.shortfall
        if let files = output.files(clock: global.clock) {
            let written = try files.writeVillageShortfall(report, formats: output.formats)
            for path in written where !json { global.say(.wrote(path: path)) }
        }
        if json {
            guard case .object(var members) = VillageJSON.report(report) else { return }
            let rows = JSONValue.array(below.map { VillageJSON.village($0, withTownship: false) })
            members = members.map { key, value in key == "villages" ? (key, rows) : (key, value) }
            members.append(("shortfall", .int(report.shortfallTotal)))
            return Console.out(JSONValue.object(members).rendered())
        }
        if output.out != nil { return }
        let name = report.townshipLabel ?? township
        global.say(.villages(.shortfallTitle(township: name, below: below.count, of: report.rankedCount)))
        if below.isEmpty {
            global.say(.villages(.everyVillageMet(name)))
        } else {
            global.say(VillageLookup.table(below, withTownship: false, language: global.language))
        }
        global.say(.villages(.unmatched(report.unmatched)))
    }
}
