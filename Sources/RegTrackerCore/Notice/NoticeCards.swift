/// The escalation thresholds of `--cards Y,R,L` (SPEC 6, default 2,4,6): named Y times a yellow card (黄牌警告), R
/// times a red card (红牌警告), L times listed for rectification (挂牌整治). Stored with each notice.
public struct NoticeCards: Sendable, Equatable {
    public var yellow: Int
    public var red: Int
    public var listed: Int

    public static let `default` = NoticeCards(yellow: 2, red: 4, listed: 6)

    public init(yellow: Int, red: Int, listed: Int) {
        self.yellow = yellow
        self.red = red
        self.listed = listed
    }

    /// `2,4,6`: three whole numbers from 1 up, none smaller than the one before.
    public init?(parsing text: String) {
        let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.filter { $0 != " " }) }
        guard numbers.count == 3, let yellow = numbers[0], let red = numbers[1], let listed = numbers[2], yellow >= 1,
            yellow <= red, red <= listed
        else { return nil }
        self.init(yellow: yellow, red: red, listed: listed)
    }

    public var description: String { "\(yellow),\(red),\(listed)" }

    /// The card a township carries after being named `timesNamed` times, whether or not it is named this time.
    public func card(timesNamed: Int) -> NoticeCard? {
        if timesNamed >= listed { return .listed }
        if timesNamed >= red { return .red }
        if timesNamed >= yellow { return .yellow }
        return nil
    }
}

/// A card as the JSON names it.
public enum NoticeCard: String, Sendable, CaseIterable {
    case yellow
    case red
    case listed
}
