import ArgumentParser
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// One township for its head: where it stands, what it still needs, and why rows did not count.
struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: Help.text(.rateAbstract))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var targetOption: TargetOption

    @Flag(help: Help.argument(.printJSON(.figures)))
    var json = false

    @Argument(help: Help.argument(.rateTownship))
    var township: String

    @OptionGroup var countyOption: CountyOfTownshipOption

    @Flag(name: .customLong("by-village"), help: Help.argument(.rateByVillage))
    var byVillage = false

    func run() throws {
        let service = ReportService(store: try global.openExistingStore())
        try service.requireRoster()
        let found = try resolveTownship(
            township, county: countyOption.county, service: service, language: global.language)
        // Resolved above; a roster imported meanwhile may have dropped it.
        guard
            let view = try FiguresSnapshot.read(
                service.store, { try $0.townshipView(id: found.id, target: targetOption.value) })
        else {
            throw CommandFailure(Strings.text(.unknownTownship(township, suggestion: nil), in: global.language))
        }
        let (report, figures) = (view.report, view.figures)
        // SPEC 2: a township with population 0 has no rate, with a warning, here as in `report`.
        if !figures.hasRate, !global.quiet { Console.error(.populationZero(figures.label), in: global.language) }
        let tally = RejectTally(view.rejects)
        let last = view.lastSubmission?.iso8601Unchecked
        let villages = byVillage ? view.villages : nil
        if json {
            return Console.out(
                TownshipDocument.json(
                    figures, in: report, lastSubmission: last, rejects: tally, villages: villages,
                    villageReport: view.villageReport, language: global.language
                ).rendered())
        }
        let counts = figures.counts
        var lines = [
            Strings.text(
                .rateLine(
                    township: figures.label, rate: figures.ratePercent, valid: counts.valid,
                    population: figures.population, target: figures.target.percentText, required: figures.required),
                in: global.language),
            Strings.text(
                figures.rank.map { .rankLine(rank: $0, of: report.townships.filter(\.hasRate).count) } ?? .noRank,
                in: global.language),
        ]
        if let met = figures.met {
            lines.append(
                Strings.text(
                    met ? .targetMet(surplus: counts.valid - figures.required) : .needsMore(figures.shortfall),
                    in: global.language)
            )
        }
        lines.append(Strings.text(.reportedLine(counts), in: global.language))
        if tally.byOutcome.isEmpty {
            lines.append(Strings.text(.rejectedNone, in: global.language))
        } else {
            lines.append(Strings.text(.rejectedByReason, in: global.language))
            for group in tally.byOutcome {
                lines.append(Strings.text(.rejectedGroup(group.outcome, group.count), in: global.language))
                lines += group.reasons.map { Strings.text(.rejectedReason($0.reasons, $0.count), in: global.language) }
            }
        }
        lines.append(Strings.text(.lastSubmission(last), in: global.language))
        if !tally.byOutcome.isEmpty { lines.append(Strings.text(.seeRejects(figures.label), in: global.language)) }
        if let villageReport = view.villageReport {
            lines += VillageLookup.lines(villageReport, language: global.language)
        } else if let villages {
            lines.append(Strings.text(.villageHeading, in: global.language))
            let headings = Strings.headings(.villages, in: global.language)
            let rows = villages.map { ["", $0.label, String($0.counts.valid), String($0.counts.reported)] }
            lines.append(
                villages.isEmpty
                    ? Strings.text(.noVillages, in: global.language) : ReportTable.aligned([[""] + headings] + rows))
        }
        global.say(lines.joined(separator: "\n"))
    }

}
