/// The checker's verdict on a row's screenshot, SPEC 1.5.
public enum Verdict: Sendable, Equatable {
    case valid
    case invalid
    case unrecognised

    static let validWords: Set<String> = [
        "有效", "是", "合格", "通过", "正常", "有", "已截图", "已核验", "√", "✓", "y", "yes", "true", "1", "valid",
    ]
    static let invalidWords: Set<String> = [
        "无效", "否", "不合格", "不通过", "异常", "无", "未截图", "无截图", "未核验", "×", "✗", "x", "n", "no", "false", "0",
        "invalid",
    ]

    private static let validWord = Array("有效".utf8)
    private static let invalidWord = Array("无效".utf8)

    public static func parse(_ cell: Cell) -> Verdict {
        switch cell {
        case .empty: return .valid
        case .bool(let value): return value ? .valid : .invalid
        case .number(let value): return value == 1 ? .valid : value == 0 ? .invalid : .unrecognised
        case .date, .error: return .unrecognised
        case .text(let raw):
            // The words of nearly every row, compared on bytes: a `Set<String>` look-up hashes a Chinese word
            // through Unicode normalisation.
            if raw.utf8.elementsEqual(Self.validWord) { return .valid }
            if raw.utf8.elementsEqual(Self.invalidWord) { return .invalid }
            let cleaned = CellText.clean(raw)
            // Only Latin words have case; the Chinese words and symbols are compared as they are.
            let word = cleaned.utf8.allSatisfy { $0 < 0x80 } ? cleaned.lowercased() : cleaned
            if word.isEmpty || validWords.contains(word) { return .valid }
            return invalidWords.contains(word) ? .invalid : .unrecognised
        }
    }
}
