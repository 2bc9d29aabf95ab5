/// Which roster township: its name and its county (SPEC 8: two counties may each have a 城关镇).
public struct TownshipKey: Sendable, Hashable {
    public var name: String
    /// nil where the roster has no county column.
    public var county: String?

    public init(_ name: String, county: String?) {
        self.name = name
        self.county = county
    }

    /// The names that more than one of `townships` carries.
    public static func sharedNames(_ townships: [TownshipKey]) -> Set<String> {
        var seen: [String: Int] = [:]
        for township in townships { seen[township.name, default: 0] += 1 }
        return Set(seen.filter { $0.value > 1 }.keys)
    }
}
