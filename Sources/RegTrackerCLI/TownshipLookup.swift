import ArgumentParser
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// `--county NAME` beside a township argument: the county of a township name that several counties share (SPEC 8).
struct CountyOfTownshipOption: ParsableArguments {
    @Option(help: Help.argument(.countyOfTownship))
    var county: String?
}

/// The roster county a name given on the command line stands for, or exit 1 naming the roster's counties.
func resolveCounty(_ name: String, service: ReportService, language: Language) throws -> String {
    switch try service.county(named: name) {
    case .county(let county): return county
    case .unknown(let known):
        throw CommandFailure(Strings.text(.counties(.unknown(name, known: known)), in: language))
    case .rosterHasNoCounties:
        throw CommandFailure(Strings.text(.counties(.rosterHasNone), in: language))
    }
}

/// The roster township a name or alias given on the command line stands for — within `county` when given, or as
/// the whole-database views print a name counties share (`城关镇（青石县）`) — or exit 1 saying what to give.
func resolveTownship(_ name: String, county: String? = nil, service: ReportService, language: Language) throws
    -> (name: String, county: String?, id: Int64)
{
    if let county {
        let county = try resolveCounty(county, service: service, language: language)
        guard let found = try service.township(named: name, county: county) else {
            throw CommandFailure(Strings.text(.counties(.townshipNotInCounty(name, county: county)), in: language))
        }
        return found
    }
    if let found = try service.township(named: name, county: nil) { return found }
    if let label = TownshipFigures.parseLabel(name),
        case .county(let county) = try service.county(named: label.county),
        let found = try service.township(named: label.township, county: county)
    {
        return found
    }
    // SPEC 8: a name several counties share stands for none of them; say so rather than "not in the roster".
    let counties = try service.counties(ofTownship: name)
    if counties.count > 1 {
        throw CommandFailure(Strings.text(.counties(.townshipInSeveral(name, counties: counties)), in: language))
    }
    throw CommandFailure(
        Strings.text(.unknownTownship(name, suggestion: try service.suggestion(for: name)), in: language))
}
