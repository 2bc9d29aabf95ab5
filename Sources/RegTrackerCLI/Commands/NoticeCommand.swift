import ArgumentParser
import Foundation
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// `notice PERIOD` issues (or shows) the periodic notice (通报) of SPEC 6; `notice list` lists the stored ones.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: Help.text(.noticeAbstract),
        discussion: Help.text(.noticeDiscussion))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var targetOption: TargetOption

    @Argument(help: Help.argument(.noticePeriod))
    var period: Checked<NoticeRequest>

    @Option(help: Help.argument(.noticeBottom))
    var bottom: Int?

    @Option(help: Help.argument(.noticeCards))
    var cards: Checked<NoticeCards>?

    @Flag(help: Help.argument(.noticeReissue))
    var reissue = false

    @Flag(help: Help.argument(.printJSON(.notice)))
    var json = false

    @Option(help: Help.argument(.noticeFolder))
    var out: String?

    var isList: Bool { if case .success(.list) = period.parsed { true } else { false } }

    func validate() throws {
        if isList {
            if bottom != nil || cards != nil || reissue || out != nil || targetOption.target != nil {
                throw ValidationError(Strings.text(.listTakesNoOptions, in: global.language))
            }
            return
        }
        try period.check { _ in Strings.text(.badPeriod(period.text), in: global.language) }
        if let cards { try cards.check { _ in Strings.text(.badCards(cards.text), in: global.language) } }
        if let bottom, bottom < 1 { throw ValidationError(Strings.text(.badBottom(bottom), in: global.language)) }
    }

    func run() throws {
        // A notice reads what is there: it never creates a database.
        let service = NoticeService(store: try global.openStore(creating: false))
        guard case .period(let period) = period.value else { return try list(service) }
        // A notice issued again keeps the settings it was issued with, unless given anew.
        let stored = reissue ? try service.notice(period: period) : nil
        let issued = try service.issue(
            period: period, today: global.clock.today,
            target: targetOption.target?.value ?? stored?.target ?? .default,
            bottom: bottom ?? stored?.bottom ?? 5, cards: cards?.value ?? stored?.cards ?? .default, reissue: reissue)
        let notice = issued.notice
        warnAboutPopulationZero(notice.report, quiet: global.quiet || !issued.isNew, language: global.language)
        if !global.quiet {
            let said: Strings.NoticeKey =
                issued.isNew
                ? .issued(period: period.description, issued: notice.issued.iso8601Unchecked)
                : .stored(period: period.description, issued: notice.issued.iso8601Unchecked)
            Console.error(Strings.text(said, in: global.language))
        }
        // A notice holds less than its period (SPEC 6). Not under --quiet, which prints nothing but errors (SPEC 4).
        if notice.issued < period.end, !global.quiet {
            Console.error(
                Strings.text(
                    .issuedBeforeEnd(
                        period: period.description, issued: notice.issued.iso8601Unchecked,
                        end: period.end.iso8601Unchecked), in: global.language))
        }
        if json { Console.out(NoticeJSON.notice(notice).rendered()) }
        if let out {
            let written = try NoticeFiles(folder: out).write(notice)
            for path in written where !json { global.say(.wrote(path: path)) }
        }
        if !json && out == nil { summary(notice) }
    }

    private func summary(_ notice: Notice) {
        let report = notice.report
        let totals = report.totals
        global.say(
            Strings.text(
                .title(
                    period: notice.period.description, start: notice.period.start.iso8601Unchecked,
                    end: notice.period.end.iso8601Unchecked, target: notice.target.percentText), in: global.language))
        let population = report.totalPopulation
        global.say(
            Strings.text(
                .county(
                    valid: totals.valid, population: population,
                    rate: population > 0 ? Decimal6.percent(numerator: totals.valid, denominator: population) : "—",
                    required: report.townships.reduce(0) { $0 + $1.required }), in: global.language))
        let named = notice.named
        if named.isEmpty { global.say(Strings.text(.nobodyNamed, in: global.language)) }
        for township in named {
            let figures = township.figures
            global.say(
                Strings.text(
                    .named(
                        township: figures.label, rate: figures.ratePercent, rank: figures.rank,
                        shortfall: figures.shortfall, times: township.timesNamed, card: township.card),
                    in: global.language))
        }
        global.say(
            Strings.text(
                notice.notReported.isEmpty ? .everyoneReported : .notReported(notice.notReported), in: global.language))
    }

    private func list(_ service: NoticeService) throws {
        let notices = try service.list()
        if json { return Console.out(NoticeJSON.list(notices).rendered()) }
        if notices.isEmpty { return global.say(Strings.text(.noNotices, in: global.language)) }
        let rows = notices.map { notice in
            [
                notice.period.description, Strings.text(.periodKind(notice.period.kind), in: global.language),
                notice.issued.iso8601Unchecked,
                Strings.text(.townshipList(notice.named.map(\.figures.label)), in: global.language),
            ]
        }
        global.say(ReportTable.aligned([Strings.headings(.notices, in: global.language)] + rows))
    }
}

/// `notice PERIOD`, or `notice list`.
enum NoticeRequest: CommandLineValue {
    case list
    case period(NoticePeriod)

    static func parse(_ text: String) -> Result<NoticeRequest, NotAValue> {
        text == "list" ? .success(.list) : NoticePeriod.parse(text).map(NoticeRequest.period)
    }
}
