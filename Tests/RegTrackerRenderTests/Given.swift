@testable import RegTrackerCore

/// Small builders shared by the render tests.
enum Given {
    static func figures(
        _ name: String, population: Int64, valid: Int64, target: Target = .default, counts: OutcomeCounts? = nil
    ) -> TownshipFigures {
        TownshipFigures(
            township: name, population: population, target: target, counts: counts ?? OutcomeCounts(valid: valid))
    }
}
