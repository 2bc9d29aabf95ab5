/// One county's figures (SPEC 8): the sums of its townships' figures. Its required number is the sum of its
/// townships' required numbers (each township's own target), not a target applied to the county's population; its
/// rate is valid ÷ population, compared exactly as townships' are.
public struct CountyFigures: Sendable, Equatable {
    /// The sums, ranked as a township is: `township` holds the county's name; the target is the report's and plays no
    /// part (see `required`).
    public var figures: TownshipFigures
    /// The sum of its townships' required numbers.
    public var required: Int64
    /// How many townships of the roster it has.
    public var townships: Int

    public var county: String { figures.township }
    public var population: Int64 { figures.population }
    public var counts: OutcomeCounts { figures.counts }
    public var rank: Int? { figures.rank }
    public var hasRate: Bool { figures.hasRate }
    public var rateMillionths: Int64? { figures.rateMillionths }
    /// The sum of what it still needs: valid rows of one township do not make up for another's shortfall.
    public var shortfall: Int64
    /// Whether valid reaches the sum of the required numbers; nil where the population is 0.
    public var met: Bool? { hasRate ? counts.valid >= required : nil }
}

/// The counties ranked (SPEC 8: `report --by county`).
public struct CountyReport: Sendable, Equatable {
    public var target: Target
    /// In rank order, by rate as `Ranking` ranks townships; ties by name.
    public var counties: [CountyFigures]
    /// Rows that match no township, in any county.
    public var unassigned: Int64

    /// The counties of `report`'s townships, in `order` (the roster's order of counties) before ranking.
    public init(_ report: Report, counties order: [String]) {
        target = report.target
        unassigned = report.unassigned
        var byCounty: [String: CountyFigures] = [:]
        for township in report.townships {
            guard let county = township.county else { continue }
            var sum =
                byCounty[county]
                ?? CountyFigures(
                    figures: TownshipFigures(
                        township: county, population: 0, target: report.target, counts: OutcomeCounts(),
                        county: county),
                    required: 0, townships: 0, shortfall: 0)
            sum.figures.population += township.population
            sum.figures.counts.add(township.counts)
            sum.required += township.required
            sum.shortfall += township.shortfall
            sum.townships += 1
            byCounty[county] = sum
        }
        counties = Ranking.rank(
            order.compactMap { byCounty[$0] }, figures: \.figures,
            precedes: { UnicodeOrder.precedes($0.county, $1.county) })
    }

    public var totals: OutcomeCounts { counties.reduce(into: OutcomeCounts()) { $0.add($1.counts) } }
    public var totalPopulation: Int64 { counties.reduce(0) { $0 + $1.population } }
}
