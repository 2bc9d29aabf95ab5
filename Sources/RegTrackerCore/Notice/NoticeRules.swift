/// The rules of SPEC 6 that turn figures as of a period's end into a notice: change, named, times named, cards.
public enum NoticeRules {
    /// What the notice needs beyond the figures.
    public struct History: Sendable {
        /// The stored notice of the same kind with the latest end before this one's.
        public var previous: Notice?
        /// Per township (name and county): the stored notices of the same kind, other than this period's, with an
        /// end on or before this one's, that named it.
        public var timesNamedBefore: [TownshipKey: Int]

        public init(previous: Notice?, timesNamedBefore: [TownshipKey: Int]) {
            self.previous = previous
            self.timesNamedBefore = timesNamedBefore
        }

        /// From the stored notices: only those of the period's kind count, and never the period's own stored
        /// notice (which `--reissue` replaces).
        public init(stored: [Notice], for period: NoticePeriod) {
            let series = stored.filter { $0.period.kind == period.kind && $0.period != period }
            previous = series.filter { $0.period.end < period.end }.max { $0.period.end < $1.period.end }
            var times: [TownshipKey: Int] = [:]
            for notice in series where notice.period.end <= period.end {
                for township in notice.townships where township.named {
                    times[township.figures.key, default: 0] += 1
                }
            }
            timesNamedBefore = times
        }

        /// How often `figures`' township was named before, under its name or a former one (an alias of the
        /// roster: a renamed township keeps its record); a notice stored before notices kept counties counts under
        /// the name alone.
        func timesNamed(_ figures: TownshipFigures, formerNames: [String]) -> Int {
            ([figures.township] + formerNames).reduce(0) { sum, name in
                sum + (timesNamedBefore[TownshipKey(name, county: figures.county)]
                    ?? timesNamedBefore[TownshipKey(name, county: nil)] ?? 0)
            }
        }
    }

    /// Issues the notice of `period` from the figures as of its end (`report`). `formerNames`: per township, the
    /// other names the roster knows it by (its aliases), under which earlier notices may have named it.
    public static func issue(
        period: NoticePeriod, issued: CivilDate, report: Report, bottom: Int, cards: NoticeCards, history: History,
        notReported: [String], formerNames: [TownshipKey: [String]] = [:]
    ) -> Notice {
        let named = Set(self.named(report.townships, bottom: bottom).map(\.key))
        let townships = report.townships.map { figures in
            let isNamed = named.contains(figures.key)
            let former = formerNames[figures.key] ?? []
            let times = history.timesNamed(figures, formerNames: former) + (isNamed ? 1 : 0)
            return NoticeTownship(
                figures: figures,
                change: history.previous.flatMap { change(figures, against: $0, formerNames: former) },
                named: isNamed, timesNamed: times, card: cards.card(timesNamed: times))
        }
        return Notice(
            period: period, issued: issued, target: report.target, bottom: bottom, cards: cards, townships: townships,
            notReported: notReported, unassigned: report.unassigned)
    }

    /// 未报送: the roster townships (in roster order) with no batch holding rows of theirs imported between the
    /// period's start and end, as people read them (the county beside a shared name). `imports` gives, per
    /// township, the import days of batches with rows of theirs.
    public static func notReported(
        roster: [TownshipKey], imports: [TownshipKey: [CivilDate]], in period: NoticePeriod
    ) -> [String] {
        let shared = TownshipKey.sharedNames(roster)
        return roster.filter { township in
            !(imports[township] ?? []).contains { period.start <= $0 && $0 <= period.end }
        }.map { shared.contains($0.name) ? TownshipFigures.label($0.name, county: $0.county) : $0.name }
    }

    /// 逆排名: among the ranked townships below target, the `bottom` lowest rates, and any tied with the last one
    /// named; all of them when fewer than `bottom` are below target. Worst first, ties by name.
    public static func named(_ townships: [TownshipFigures], bottom: Int) -> [TownshipFigures] {
        let candidates = Ranking.shortfall(townships.filter { $0.rank != nil })
        guard bottom > 0, !candidates.isEmpty else { return [] }
        var named = Array(candidates.prefix(bottom))
        for township in candidates.dropFirst(named.count) where township.rateCompare(named[named.count - 1]) == 0 {
            named.append(township)
        }
        return named
    }

    /// 较上期 against a previous notice: nil when the township was not in it (under its name or a former one), or
    /// had no rank in it, or has none now (SPEC 6). The rate's change is the difference of the two rates as
    /// published, each rounded to 6 decimals, so that a reader subtracting them finds the same.
    public static func change(_ figures: TownshipFigures, against previous: Notice, formerNames: [String] = [])
        -> NoticeChange?
    {
        guard
            let before = ([figures.township] + formerNames).lazy.compactMap({
                previous.township($0, county: figures.county)?.figures
            }).first,
            let now = figures.rank, let then = before.rank, let rateNow = figures.rateMillionths,
            let rateThen = before.rateMillionths
        else { return nil }
        return NoticeChange(
            valid: figures.counts.valid - before.counts.valid, rateMillionths: rateNow - rateThen, rank: then - now)
    }
}
