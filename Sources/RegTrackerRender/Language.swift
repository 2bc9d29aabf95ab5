/// The language a text is rendered in. Files for people in the county are always Chinese (SPEC 7); the CLI picks
/// one from the locale at its entry and passes it down.
public enum Language: Sendable, Equatable, CaseIterable {
    case english
    case chinese

    /// POSIX order: `LC_ALL`, then `LC_MESSAGES`, then `LANG`; an empty variable counts as unset.
    public init(environment: [String: String]) {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        self = locale.lowercased().hasPrefix("zh") ? .chinese : .english
    }

    /// The one of the two texts in this language.
    public func pick(_ english: @autoclosure () -> String, _ chinese: @autoclosure () -> String) -> String {
        self == .chinese ? chinese() : english()
    }
}
