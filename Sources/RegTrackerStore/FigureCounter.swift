/// The kept figures (issue 13): rows with an outcome counted by batch, township, outcome and registration day.
/// The store keeps them in the transaction that changes the rows, so that a report, a trend or a notice reads a few
/// thousand groups instead of every row; `check` recomputes them from the rows.
public struct FigureKey: Hashable, Sendable {
    public var batch: Int64
    /// nil for rows that match no township of the roster in force.
    public var township: Int64?
    public var outcome: Int
    /// The village (SPEC 5) the row matched; nil for none.
    public var village: Int64?
    /// `registered_at`'s leading `YYYY-MM-DD` as the number YYYYMMDD; -1 where it does not start with one.
    public var registeredDay: Int32

    /// Three words instead of five fields and two optionals' tags: every row of an import hashes its group once.
    /// Ids are positive, so -1 stands for nil without meeting a real id.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(batch)
        hasher.combine((township ?? -1) &* 1_000_003 &+ (village ?? -1))
        hasher.combine(Int64(outcome) << 32 | Int64(UInt32(bitPattern: registeredDay)))
    }
}

/// Counts rows into `FigureKey` groups in memory; each store writes them to its `figure` table.
public struct FigureCounter: Sendable {
    public private(set) var counts: [FigureKey: Int64] = [:]

    public init() {}

    public mutating func add(batch: Int64, township: Int64?, village: Int64?, outcome: Int, registeredAt: String?) {
        add(batch: batch, township: township, village: village, outcome: outcome, registeredDay: Self.day(registeredAt))
    }

    /// `registeredDay`: `day(registeredAt)`, worked out before.
    public mutating func add(batch: Int64, township: Int64?, village: Int64?, outcome: Int, registeredDay: Int32) {
        let key = FigureKey(
            batch: batch, township: township, outcome: outcome, village: village, registeredDay: registeredDay)
        counts[key, default: 0] += 1
    }

    /// The same test as SQLite's `KeptFigures.recomputed` (`GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'`),
    /// on bytes: a `String` per row would cost more than the insert it rides along with.
    public static func day(_ text: String?) -> Int32 {
        guard var text else { return -1 }
        return text.withUTF8 { bytes -> Int32 in
            guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return -1 }
            var day: Int32 = 0
            for index in digitPlaces {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return -1 }
                day = day * 10 + Int32(digit)
            }
            return day
        }
    }

    private static let digitPlaces = [0, 1, 2, 3, 5, 6, 8, 9]

    /// YYYYMMDD as `YYYY-MM-DD`, written as bytes: once a group, a few thousand times an import.
    public static func text(_ day: Int32) -> String? {
        guard day >= 0 else { return nil }
        var bytes: [UInt8] = Array("0000-00-00".utf8)
        var rest = day
        for index in [9, 8, 6, 5, 3, 2, 1, 0] {
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
