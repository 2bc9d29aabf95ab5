import RegTrackerCore
import RegTrackerKit
import RegTrackerStore
import Synchronization

/// The roster, the ranking page's figures, the county's trend and a few township pages' figures, kept between
/// requests until the database changes (issue 13: building the trend of a million rows' kept figures costs about
/// 0.2 s of CPU, and every page and `/api/report` needs it). One entry a read connection, valid while its change stamp (SQLite's `data_version`, which moves only
/// when another connection commits) and today's date are those it was built under. Only for read connections that
/// never write, since a connection's own writes do not move its stamp.
final class FiguresCache: Sendable {
    struct Key: Equatable, Sendable {
        var connection: ObjectIdentifier
        var stamp: Int64
        var today: CivilDate

        /// The key of a read on `store` at its change stamp.
        init(store: any RegistryStore, stamp: Int64, today: CivilDate) {
            connection = ObjectIdentifier(store as AnyObject)
            self.stamp = stamp
            self.today = today
        }
    }

    private struct Entry: Sendable {
        var key: Key
        /// The roster in force: reading it (townships, villages, aliases) was half of a kept page's cost.
        var roster: StoredRoster?
        var ranking: RankingData?
        var trend: TrendReport?
        /// Township pages' figures, by township, oldest first; at most `townshipLimit`.
        var townships: [(name: String, data: TownshipData)] = []
    }

    /// A township's data holds its rejected rows (a few thousand on a million rows): a few of them a connection are
    /// kept, enough for the township heads who open their pages after a notice, without holding every township's.
    static let townshipLimit = 8

    private let entries = Mutex<[ObjectIdentifier: Entry]>([:])

    /// Reads `body` on one snapshot of `store` with the key of its kept figures, the roster kept with them.
    func read<T>(_ store: any RegistryStore, today: CivilDate, _ body: (FiguresSnapshot, Key) throws -> T) throws -> T {
        try FiguresSnapshot.read(store, keptRoster: { self.entry(Key(store: store, stamp: $0, today: today))?.roster }) {
            snapshot in
            let key = Key(store: store, stamp: try snapshot.changeStamp(), today: today)
            if entry(key)?.roster == nil { update(key) { $0.roster = snapshot.roster } }
            return try body(snapshot, key)
        }
    }

    func ranking(_ key: Key) -> RankingData? { entry(key)?.ranking }

    func trend(_ key: Key) -> TrendReport? { entry(key)?.trend }

    func keep(_ ranking: RankingData, for key: Key) {
        update(key) { entry in
            entry.ranking = ranking
            entry.trend = ranking.trend
        }
    }

    func township(_ name: String, _ key: Key) -> TownshipData? {
        entry(key)?.townships.first { $0.name == name }?.data
    }

    func keep(_ township: TownshipData, named name: String, for key: Key) {
        update(key) { entry in
            entry.townships.removeAll { $0.name == name }
            entry.townships.append((name, township))
            if entry.townships.count > Self.townshipLimit { entry.townships.removeFirst() }
            entry.trend = township.trend
        }
    }

    private func entry(_ key: Key) -> Entry? {
        entries.withLock { $0[key.connection].flatMap { $0.key == key ? $0 : nil } }
    }

    /// Changes the connection's entry, a new one when its key moved.
    private func update(_ key: Key, _ body: (inout Entry) -> Void) {
        entries.withLock { entries in
            var entry = entries[key.connection].flatMap { $0.key == key ? $0 : nil } ?? Entry(key: key)
            body(&entry)
            entries[key.connection] = entry
        }
    }
}
