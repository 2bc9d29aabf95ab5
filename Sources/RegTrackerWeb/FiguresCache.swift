import RegTrackerCore
import Synchronization

/// The ranking page's figures and the county's trend, kept between requests until the database changes (issue 13:
/// building the trend of a million rows' kept figures costs about 0.2 s of CPU, and every page and `/api/report`
/// needs it). One entry a read connection, valid while its change stamp (SQLite's `data_version`, which moves only
/// when another connection commits) and today's date are those it was built under. Only for read connections that
/// never write, since a connection's own writes do not move its stamp.
final class FiguresCache: Sendable {
    struct Key: Equatable, Sendable {
        var stamp: Int64
        var today: CivilDate
    }

    private struct Entry: Sendable {
        var key: Key
        var ranking: RankingData?
        var trend: TrendReport?
    }

    private let entries = Mutex<[ObjectIdentifier: Entry]>([:])

    func ranking(connection: ObjectIdentifier, key: Key) -> RankingData? {
        entries.withLock { $0[connection].flatMap { $0.key == key ? $0.ranking : nil } }
    }

    func trend(connection: ObjectIdentifier, key: Key) -> TrendReport? {
        entries.withLock { $0[connection].flatMap { $0.key == key ? $0.trend : nil } }
    }

    func keep(_ ranking: RankingData, connection: ObjectIdentifier, key: Key) {
        entries.withLock { entries in
            var entry = entries[connection].flatMap { $0.key == key ? $0 : nil } ?? Entry(key: key)
            entry.ranking = ranking
            entry.trend = ranking.trend
            entries[connection] = entry
        }
    }

    func keep(_ trend: TrendReport, connection: ObjectIdentifier, key: Key) {
        entries.withLock { entries in
            var entry = entries[connection].flatMap { $0.key == key ? $0 : nil } ?? Entry(key: key)
            entry.trend = trend
            entries[connection] = entry
        }
    }
}
