import ArgumentParser
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// Progress over time: each township's cumulative valid count, its recent gain and where its pace leads.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: Help.text(.trendAbstract),
        discussion: Help.text(.trendDiscussion))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var targetOption: TargetOption

    @Flag(help: Help.argument(.printJSON(.trend)))
    var json = false

    @Option(help: Help.argument(.trendDeadline))
    var deadline: Checked<Deadline>?

    @Option(name: .customLong("as-of"), help: Help.argument(.trendAsOf))
    var asOf: Checked<CivilDate>?

    @Option(help: Help.argument(.trendBy))
    var by = Checked<DailySeries.Step>(argument: "day")

    @Argument(help: Help.argument(.trendTownship))
    var township: String?

    @OptionGroup var countyOption: CountyOfTownshipOption

    func validate() throws {
        try by.check { _ in
            Strings.text(
                .badChoice(option: "--by", text: by.text, choices: DailySeries.Step.allValueStrings),
                in: global.language)
        }
        if let deadline {
            try deadline.check { _ in
                Strings.text(.badDateOption(option: "--deadline", text: deadline.text), in: global.language)
            }
        }
        if let asOf {
            try asOf.check { _ in
                Strings.text(.badDateOption(option: "--as-of", text: asOf.text), in: global.language)
            }
        }
    }

    func run() throws {
        // Only --deadline stores something; without it trend reads, and never creates or migrates (SPEC 3).
        let store = deadline == nil ? try global.openExistingStore() : try global.openStore()
        let service = TrendService(store: store)
        if let deadline {
            let date = deadline.value.date
            try service.setDeadline(date)
            if !json {
                global.say(
                    date.map { Strings.text(.deadlineSet($0.iso8601Unchecked), in: global.language) }
                        ?? Strings.text(.deadlineCleared, in: global.language))
            }
        }
        let day = asOf?.value ?? global.clock.today
        var trend = try service.trend(target: targetOption.value, asOf: day)
        if let township {
            let found = try resolveTownship(
                township, county: countyOption.county, service: ReportService(store: store), language: global.language)
            trend.townships = trend.townships.filter {
                $0.figures.township == found.name && $0.figures.county == found.county
            }
        }
        if json { return Console.out(TrendJSON.report(trend, step: by.value).rendered()) }
        var lines = [
            Strings.text(
                .deadlineLine(
                    deadline: trend.deadline?.iso8601Unchecked, asOf: day.iso8601Unchecked,
                    daysLeft: trend.deadline.map { day.days(to: $0) }), in: global.language)
        ]
        let headings = Strings.headings(.trend, in: global.language)
        let rows = trend.townships.map { township -> [String] in
            let projection = township.projection
            return [
                township.figures.rank.map(String.init) ?? "—", township.figures.label, String(township.valid),
                String(township.figures.required), "+\(township.gain7)", "+\(township.gain30)",
                projection.pacePerDayText, projection.projectedDate?.iso8601Unchecked ?? "—",
                Strings.text(.status(projection), in: global.language),
            ]
        }
        lines.append(ReportTable.aligned([headings] + rows))
        if let only = trend.townships.first, township != nil {
            let points = only.series.points(through: day, step: by.value)
            let seriesHeadings = Strings.headings(.series, in: global.language)
            lines.append("")
            lines.append(
                ReportTable.aligned(
                    [[""] + seriesHeadings]
                        + points.map { ["", $0.date.iso8601Unchecked, "+\($0.added)", String($0.valid)] }))
        }
        global.say(lines.joined(separator: "\n"))
    }
}
