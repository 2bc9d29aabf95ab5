import RegTrackerRender

@testable import RegTrackerCore

/// Small builders shared by the core tests, so that each test reads as given/when/then.
enum Given {
    /// The import date used unless a test is about `today` itself.
    static let today = CivilDate(year: 2024, month: 6, day: 30)

    /// A row of text cells; an empty string is an empty cell.
    static func row(_ number: Int, _ texts: [String]) -> SourceRow {
        SourceRow(number: number, cells: texts.map { $0.isEmpty ? Cell.empty : Cell.text($0) })
    }

    /// Rows numbered from 1, as a reader yields them.
    static func rows(_ texts: [[String]]) -> [SourceRow] {
        texts.enumerated().map { row($0.offset + 1, $0.element) }
    }

    static func roster(_ names: String...) -> Roster {
        Roster(townships: names.map { Township(name: $0, population: 1000) })
    }

    static func registration(
        township: String, name: String = "张三", id: String = "", phone: String = "", verdict: String = ""
    ) -> Registration {
        Registration(
            township: township, name: name, idNumber: IDNumber.parse(text: id, today: today),
            phone: Phone.parse(text: phone), verdict: Verdict.parse(.text(verdict)), village: "",
            registeredAt: .absent)
    }

    static func facts(
        township: String, name: String = "张三", id: String = "", phone: String = "", verdict: String = ""
    ) -> RowFacts {
        RowFacts(registration(township: township, name: name, id: id, phone: phone, verdict: verdict))
    }

    static func idKey(_ text: String) -> Int64 { IDNumber.parse(text: text, today: today).key! }
    static func phoneKey(_ text: String) -> Int64 { Phone.parse(text: text).key! }

    static func figures(
        _ name: String, population: Int64, valid: Int64, target: Target = .default, counts: OutcomeCounts? = nil
    ) -> TownshipFigures {
        TownshipFigures(
            township: name, population: population, target: target, counts: counts ?? OutcomeCounts(valid: valid))
    }
}

extension KeyedValue {
    /// The malformed reason in the English words the tests were written against; nil when not malformed.
    var englishReason: String? { malformedReason.map { ReasonText.text($0, in: .english) } }
}

extension Outcome {
    /// The reasons in English; nil when there are none.
    var englishReason: String? { reasons.isEmpty ? nil : ReasonText.text(reasons, in: .english) }
}

extension Registration {
    /// The row's own problems in English; nil when it has none.
    var englishReason: String? { problems.isEmpty ? nil : ReasonText.text(problems, in: .english) }
}
