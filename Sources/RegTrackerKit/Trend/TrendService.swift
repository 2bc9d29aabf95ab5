import RegTrackerCore
import RegTrackerStore

/// Progress over time (issue 7): the figures as they stood on a date, each township's trend and projection, and the
/// deadline setting. Every method reads one consistent snapshot.
public struct TrendService {
    public var store: any RegistryStore

    public init(store: any RegistryStore) {
        self.store = store
    }

    /// The ranked report as it stood at the end of `date` (see `AsOf.counts`), with each township's last submission
    /// on or before that date.
    /// `county`: only that county's townships (SPEC 8).
    public func report(
        target: Target, asOf date: CivilDate, county: String? = nil
    ) throws -> (report: Report, lastSubmission: [String: String]) {
        let ranked = try FiguresSnapshot.read(store) { try $0.report(target: target, asOf: date, county: county) }
        return (ranked.report, ranked.lastSubmissionText)
    }

    /// Every township's trend up to `asOf`, in today's rank order, against the stored deadline unless one is given.
    public func trend(target: Target, asOf: CivilDate, deadline: CivilDate? = nil) throws -> TrendReport {
        try FiguresSnapshot.read(store) { try $0.trend(target: target, asOf: asOf, deadline: deadline) }
    }

    /// The deadline set with `trend --deadline`, if any.
    public func deadline() throws -> CivilDate? {
        try FiguresSnapshot.read(store) { try $0.storedDeadline() }
    }

    /// Stores the deadline (nil removes it). A setting, not data: it never changes a figure.
    public func setDeadline(_ date: CivilDate?) throws {
        try store.write { try $0.setSetting(SettingKey.deadline, value: date?.iso8601Unchecked) }
    }

    /// One township's rows by village (村/社区): most valid first, the rows without a village last.
    public func villages(township: Int64) throws -> [VillageFigures] {
        try FiguresSnapshot.read(store) { try $0.villages(township: township) }
    }
}

/// One village's rows of a township: valid and reported, as the head compares villages.
public struct VillageFigures: Sendable, Equatable {
    /// "" for rows whose village cell was empty.
    public var village: String
    public var counts: OutcomeCounts

    public init(village: String, counts: OutcomeCounts) {
        self.village = village
        self.counts = counts
    }

    /// The name people read: the village, or 未填村（社区） for rows without one.
    public var label: String { village.isEmpty ? "未填村（社区）" : village }
}
