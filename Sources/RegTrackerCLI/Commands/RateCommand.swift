import ArgumentParser
import RegTrackerCore
import RegTrackerKit

struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate", abstract: "One township's figures, its rank and what it still needs.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var targetOption: TargetOption

    @Flag(help: "Print the figures as JSON on stdout.")
    var json = false

    @Argument(help: "The township (its roster name or an alias).")
    var township: String

    func run() throws {
        let service = ReportService(store: try global.openStore())
        guard let found = try service.township(named: township) else {
            let suggestion = try service.suggestion(for: township).map { "; did you mean \($0)?" } ?? ""
            Console.error("\(township) is not a township of the roster\(suggestion)")
            throw ExitCode(1)
        }
        let (report, _) = try service.report(target: targetOption.value)
        guard let figures = report.townships.first(where: { $0.township == found.name }) else { throw ExitCode(1) }
        if json { return Console.out(ReportJSON.rate(figures, in: report).rendered()) }
        let ranked = report.townships.filter(\.hasRate).count
        let counts = figures.counts
        var lines = [
            "\(figures.township): rate \(figures.ratePercent) of population \(figures.population), "
                + "target \(figures.target.percentText) = \(figures.required) registrations",
            figures.rank.map { "rank \($0) of \(ranked)" } ?? "no rank: population is 0",
            "reported \(counts.reported): valid \(counts.valid), duplicates \(counts.duplicates), invalid \(counts.invalid) "
                + "(malformed \(counts.malformed), flagged \(counts.flagged), on invalid lists \(counts.listed))",
        ]
        if let met = figures.met {
            lines.append(met ? "target met" : "needs \(figures.shortfall) more valid registrations to reach the target")
        }
        global.say(lines.joined(separator: "\n"))
    }
}

struct RejectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejects", abstract: "Rows that do not count, with outcome and reason, for the township to fix.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Write one file a township (and one for unassigned rows) into this folder.")
    var out: String?

    @Argument(help: "Only this township's rows (default: every township and the unassigned rows).")
    var township: String?

    func run() throws {
        let service = ReportService(store: try global.openStore())
        var townshipID: Int64?
        if let township {
            guard let found = try service.township(named: township) else {
                let suggestion = try service.suggestion(for: township).map { "; did you mean \($0)?" } ?? ""
                Console.error("\(township) is not a township of the roster\(suggestion)")
                throw ExitCode(1)
            }
            townshipID = found.id
        }
        let rejects = try service.rejects(township: townshipID)
        if let out {
            for path in try ReportFiles(folder: out, clock: global.clock).writeRejects(rejects) { global.say("wrote \(path)") }
            return
        }
        let rows = rejects.map { reject in
            [
                reject.township ?? "(\(reject.townshipText.isEmpty ? "—" : reject.townshipText))", reject.fileName,
                String(reject.rowNumber), reject.name, reject.outcome.name, Mask.digits(in: reject.reason),
            ]
        }
        global.say(ReportTable.aligned([["乡镇", "文件", "行号", "姓名", "结果", "原因"]] + rows))
        global.say("\(rejects.count) rows not counted")
    }
}
