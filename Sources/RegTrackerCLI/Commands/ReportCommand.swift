import ArgumentParser
import Foundation
import RegTrackerCore
import RegTrackerKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The ranked table of every township.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var targetOption: TargetOption

    @Flag(help: "Print the report as JSON on stdout.")
    var json = false

    @Option(help: "Write report files into this folder.")
    var out: String?

    @Option(help: "Formats to write with --out, comma separated: md,csv (default: all).")
    var format: String = ReportFiles.Format.allCases.map(\.rawValue).joined(separator: ",")

    func validate() throws {
        for name in format.split(separator: ",") where ReportFiles.Format(rawValue: String(name)) == nil {
            throw ValidationError("unknown format \(name); choose from \(ReportFiles.Format.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let (report, lastSubmission) = try ReportService(store: try global.openStore()).report(target: targetOption.value)
        warnAboutPopulationZero(report, quiet: global.quiet)
        if json { Console.out(ReportJSON.report(report).rendered()) }
        if let out {
            let formats = format.split(separator: ",").compactMap { ReportFiles.Format(rawValue: String($0)) }
            let written = try ReportFiles(folder: out, clock: global.clock).writeReport(
                report, lastSubmission: lastSubmission, formats: formats)
            for path in written where !json { global.say("wrote \(path)") }
        }
        if !json && out == nil {
            global.say("注册率排名 (target \(report.target.percentText)), \(global.clock.today.iso8601Unchecked)")
            global.say(ReportTable.aligned([ReportTable.headings] + report.townships.map(ReportTable.row) + [ReportTable.totalsRow(report)]))
            if report.unassigned > 0 { global.say("unassigned rows (township not in the roster): \(report.unassigned)") }
        }
    }
}

/// SPEC 2: a township with population 0 has no rate and is listed last, with a warning.
func warnAboutPopulationZero(_ report: Report, quiet: Bool) {
    guard !quiet else { return }
    for township in report.townshipsWithoutPopulation {
        Console.error("warning: \(township.township) has population 0 in the roster: no rate and no rank")
    }
}

struct ShortfallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shortfall", abstract: "Townships below target, worst rate first, with how many they still need.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var targetOption: TargetOption

    @Flag(help: "Print the list as JSON on stdout.")
    var json = false

    @Option(help: "Write the list into this folder (Markdown and CSV).")
    var out: String?

    func run() throws {
        let (report, _) = try ReportService(store: try global.openStore()).report(target: targetOption.value)
        warnAboutPopulationZero(report, quiet: global.quiet)
        if json { Console.out(ReportJSON.shortfall(report).rendered()) }
        if let out {
            for path in try ReportFiles(folder: out, clock: global.clock).writeShortfall(report) where !json {
                global.say("wrote \(path)")
            }
        }
        if !json && out == nil {
            let below = report.shortfall
            global.say("未达标乡镇 (target \(report.target.percentText)): \(below.count) of \(report.townships.count)")
            if !below.isEmpty {
                global.say(ReportTable.aligned([ReportTable.headings] + below.map(ReportTable.row)))
            }
        }
    }
}
