import RegTrackerKit
import Synchronization

/// Texts rendered from one `RankingData` (the ranking page by access, the report and trend JSON) or `TownshipData`
/// (its page by access, its JSON), kept with it: while the figures are kept between requests (`FiguresCache`) so
/// are these, and new figures come with none. At most one text an access and a JSON form, so a few dozen.
final class RenderedTexts: Sendable {
    private let texts = Mutex<[String: String]>([:])

    func text(_ key: String, render: () -> String) -> String {
        if let kept = texts.withLock({ $0[key] }) { return kept }
        let text = render()
        texts.withLock { $0[key] = text }
        return text
    }
}

extension Access {
    /// Names the ranking page this access sees, among the rendered texts.
    var renderedPageKey: String {
        switch self {
        case .office: "page:office"
        case .township(let name, let county): "page:township:" + (county ?? "") + "/" + name
        case .county(let county): "page:county:" + county
        }
    }
}
