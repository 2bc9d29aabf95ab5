import ArgumentParser
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit

/// A value an option or argument stands for, read from its text once.
protocol CommandLineValue {
    /// Why a text is not a value (for the words of the refusal); `NotAValue` when the text itself says enough.
    associatedtype Refusal: Error = NotAValue
    static func parse(_ text: String) -> Result<Self, Refusal>
    /// The words the option takes, when they are few (for `--help` and completion); empty otherwise.
    static var allValueStrings: [String] { get }
}

extension CommandLineValue {
    static var allValueStrings: [String] { [] }
}

/// An option that takes one of a few words, each its case's raw value.
extension CommandLineValue where Self: CaseIterable & RawRepresentable, RawValue == String {
    static func parse(_ text: String) -> Result<Self, NotAValue> {
        Self(rawValue: text).map(Result.success) ?? .failure(NotAValue())
    }

    static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// A text that is not a value of the option, with nothing more to say than the text.
struct NotAValue: Error, Sendable {}

/// An option's value, parsed once, when ArgumentParser reads the command line. A text that is no value is kept
/// rather than refused there, because ArgumentParser would word that refusal itself, in English ("The value … is
/// invalid for …"); the command's `validate()` refuses it with the catalogue's words in the reader's language
/// (`check`), and `run()` takes `value`, never parsing the text again.
struct Checked<Value: CommandLineValue>: ExpressibleByArgument, CustomStringConvertible {
    /// The text as given.
    let text: String
    let parsed: Result<Value, Value.Refusal>

    init(argument: String) {
        text = argument
        parsed = Value.parse(argument)
    }

    var description: String { text }
    var defaultValueDescription: String { text }
    static var allValueStrings: [String] { Value.allValueStrings }

    /// The value; `validate()` has refused (through `check`) any text that is not one before `run()` asks.
    var value: Value {
        guard case .success(let value) = parsed else { preconditionFailure("\(text) reached run() unchecked") }
        return value
    }

    /// Throws the usage error (exit status 64) that `words` gives for a text that is not a value.
    func check(_ words: (Value.Refusal) -> String) throws {
        if case .failure(let refusal) = parsed { throw ValidationError(words(refusal)) }
    }
}

extension Checked: Sendable where Value: Sendable, Value.Refusal: Sendable {}

extension CivilDate: CommandLineValue {
    static func parse(_ text: String) -> Result<CivilDate, NotAValue> {
        CivilDate(iso8601: text).map(Result.success) ?? .failure(NotAValue())
    }
}

extension Target: CommandLineValue {
    static func parse(_ text: String) -> Result<Target, NotAValue> {
        Target(parsing: text).map(Result.success) ?? .failure(NotAValue())
    }
}

extension NoticePeriod: CommandLineValue {
    static func parse(_ text: String) -> Result<NoticePeriod, NotAValue> {
        NoticePeriod(parsing: text).map(Result.success) ?? .failure(NotAValue())
    }
}

extension NoticeCards: CommandLineValue {
    static func parse(_ text: String) -> Result<NoticeCards, NotAValue> {
        NoticeCards(parsing: text).map(Result.success) ?? .failure(NotAValue())
    }
}

/// `--format md,csv,html,xlsx`: the formats in the order given, each once.
struct FormatList: CommandLineValue {
    var formats: [ReportFiles.Format]

    static func parse(_ text: String) -> Result<FormatList, ReportFiles.UnknownFormat> {
        ReportFiles.Format.list(text).map(FormatList.init(formats:))
    }
}

/// `trend --deadline`: a date, or `none` to remove the stored one.
enum Deadline: CommandLineValue {
    case none
    case date(CivilDate)

    static func parse(_ text: String) -> Result<Deadline, NotAValue> {
        text == "none" ? .success(.none) : CivilDate.parse(text).map(Deadline.date)
    }

    var date: CivilDate? { if case .date(let date) = self { date } else { nil } }
}

extension DailySeries.Step: CommandLineValue {}

extension ReadOptions.Encoding: CommandLineValue {
    static func parse(_ text: String) -> Result<ReadOptions.Encoding, NotAValue> {
        switch text.lowercased() {
        case "utf-8", "utf8": .success(.utf8)
        case "gb18030", "gbk", "gb2312": .success(.gb18030)
        default: .failure(NotAValue())
        }
    }
}
