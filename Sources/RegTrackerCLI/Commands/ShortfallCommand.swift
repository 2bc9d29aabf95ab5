import ArgumentParser
import RegTrackerCore
import RegTrackerKit

struct ShortfallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shortfall", abstract: "Townships below target, worst rate first, with how many they still need.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var targetOption: TargetOption
    @OptionGroup var output: OutputOptions

    @Flag(help: "Print the list as JSON on stdout.")
    var json = false

    func run() throws {
        let service = ReportService(store: try global.openExistingStore())
        try service.requireRoster()
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
                global.say(ReportTable.aligned([ReportTable.headings] + below.map(ReportTable.row)))
            }
        }
    }
}
