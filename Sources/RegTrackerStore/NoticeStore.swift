import RegTrackerCore

/// Periodic notices (issue 14), each written once per period.
public protocol NoticeStore {
    /// Every stored notice, by end then period.
    func notices() throws -> [Notice]
    /// Stores a notice, replacing the stored one of the same period if any.
    func replaceNotice(_ notice: Notice) throws
}
