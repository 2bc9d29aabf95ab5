/// A periodic notice (通报) as issued and stored (SPEC 6): never changed afterwards.
public struct Notice: Sendable, Equatable {
    public var period: NoticePeriod
    public var issued: CivilDate
    /// The global target.
    public var target: Target
    /// `--bottom N`.
    public var bottom: Int
    public var cards: NoticeCards
    /// In rank order (see `Ranking`), each with what the notice says of it.
    public var townships: [NoticeTownship]
    /// Roster townships with no registration batch holding rows of theirs imported in the period, in roster order,
    /// as people read them (`TownshipFigures.label`: the county beside a name two counties share).
    public var notReported: [String]
    public var unassigned: Int64

    public init(
        period: NoticePeriod, issued: CivilDate, target: Target, bottom: Int, cards: NoticeCards,
        townships: [NoticeTownship], notReported: [String], unassigned: Int64
    ) {
        self.period = period
        self.issued = issued
        self.target = target
        self.bottom = bottom
        self.cards = cards
        // A stored notice's townships come back without the mark: it is the notice's own figures that decide it.
        let marked = Report.markingSharedNames(townships.map(\.figures))
        self.townships = zip(townships, marked).map { township, figures in
            var township = township
            township.figures = figures
            return township
        }
        self.notReported = notReported
        self.unassigned = unassigned
    }

    /// The figures as a report (same ranking, totals).
    public var report: Report {
        Report(target: target, townships: townships.map(\.figures), unassigned: unassigned)
    }

    /// The townships named, worst rate first (ties by name).
    public var named: [NoticeTownship] {
        let named = townships.filter(\.named)
        return Ranking.shortfall(named.map(\.figures)).compactMap { figures in
            named.first { $0.figures.isSameTownship(as: figures) }
        }
    }

    /// The township `name` of `county` (SPEC 8). A notice issued before notices kept counties has none: there the
    /// name alone finds it, where it is the only one of that name.
    public func township(_ name: String, county: String? = nil) -> NoticeTownship? {
        if let exact = townships.first(where: { $0.figures.township == name && $0.figures.county == county }) {
            return exact
        }
        let byName = townships.filter { $0.figures.township == name && $0.figures.county == nil }
        return byName.count == 1 ? byName[0] : nil
    }

    public func township(_ figures: TownshipFigures) -> NoticeTownship? {
        township(figures.township, county: figures.county)
    }
}

/// One township in a notice: its figures as of the period's end and what the notice makes of them.
public struct NoticeTownship: Sendable, Equatable {
    public var figures: TownshipFigures
    /// 较上期; nil when there is no previous notice of the same kind, the township was not in it, or it has no rank
    /// in it or in this one.
    public var change: NoticeChange?
    public var named: Bool
    /// Notices of the same kind up to this one (included) that named the township.
    public var timesNamed: Int
    public var card: NoticeCard?

    public init(figures: TownshipFigures, change: NoticeChange?, named: Bool, timesNamed: Int, card: NoticeCard?) {
        self.figures = figures
        self.change = change
        self.named = named
        self.timesNamed = timesNamed
        self.card = card
    }
}

/// 较上期: the change against the previous notice of the same kind.
public struct NoticeChange: Sendable, Equatable {
    /// This valid minus the previous valid.
    public var valid: Int64
    /// This rate minus the previous rate, both rounded to 6 decimals, in millionths.
    public var rateMillionths: Int64
    /// The previous rank minus this rank (positive: moved up).
    public var rank: Int

    public init(valid: Int64, rateMillionths: Int64, rank: Int) {
        self.valid = valid
        self.rateMillionths = rateMillionths
        self.rank = rank
    }
}
