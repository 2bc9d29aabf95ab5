import RegTrackerCore
import RegTrackerRender
/// The messages of `serve`'s limits (issue 20), in English and Chinese.
enum ServeText: Sendable {
    /// A count option below 1.
    case badCount(option: String, value: Int)
    /// A time option that is not a positive number of seconds.
    case badSeconds(option: String, value: Double)

    var pair: (String, String) {
        switch self {
        case .badCount(let option, let value):
            ("\(option) \(value): give a whole number of 1 or more", "\(option) \(value)：须为不小于 1 的整数")
        case .badSeconds(let option, let value):
            ("\(option) \(value): give a number of seconds above 0", "\(option) \(value)：须为大于 0 的秒数")
        }
    }
}

extension Strings {
    static func text(_ text: ServeText, in language: Language) -> String {
        language == .chinese ? text.pair.1 : text.pair.0
    }
}
