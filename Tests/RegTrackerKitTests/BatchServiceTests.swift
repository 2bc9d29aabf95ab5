import Foundation
import RegTrackerCore
import RegTrackerKit
import RegTrackerStore
import Testing

/// `BatchService.retract` (SPEC 3, issue 12): what changed, counted row by row, and purge keeping the record.
@Suite struct BatchServiceTests {
    let phones = TestInbox.phones

    func retract(_ batch: Int64, purge: Bool, in inbox: TestInbox) throws -> (BatchRecord, RetractSummary) {
        let result = try BatchService(store: inbox.store, clock: inbox.clock).retract(batch, purge: purge)
        inbox.expectKeptFiguresAgree()
        guard case .retracted(let record, let summary) = result else { throw CancellationError() }
        return (record, summary)
    }

    @Test func retractCountsTheRowsThatStoppedAndThoseThatChanged() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        // a.csv: 张三 and 李四 valid, 王五 a duplicate of 张三, 赵六 malformed (no ID or phone).
        let first = try #require(
            try inbox.register(
                "a.csv",
                "姓名,乡镇,手机号\n张三,青石镇,\(phones[0])\n李四,青石镇,\(phones[1])\n王五,青石镇,\(phones[0])\n赵六,青石镇,\n"
            ).summary)
        // b.csv: both rows repeat a.csv's valid rows; c.csv a new person.
        _ = try inbox.register("b.csv", "姓名,乡镇,手机号\n张三,白沙镇,\(phones[0])\n李四,白沙镇,\(phones[1])\n")
        _ = try inbox.register("c.csv", "姓名,乡镇,手机号\n孙七,白沙镇,\(phones[2])\n")
        let (record, summary) = try retract(first.batch, purge: false, in: inbox)
        #expect(record.isRetracted && !record.isPurged)
        #expect(summary.stopped.map(\.outcome) == [.valid, .duplicate, .malformed])
        #expect(summary.stopped.map(\.count) == [2, 1, 1])
        #expect(summary.changed.count == 1)
        #expect(summary.changed.first?.from == .duplicate && summary.changed.first?.to == .valid)
        #expect(summary.changed.first?.count == 2)
        #expect(try inbox.figures("白沙镇").counts == OutcomeCounts(valid: 3))

        // Purging the retracted batch afterwards deletes its rows and changes no figure.
        let service = BatchService(store: inbox.store, clock: inbox.clock)
        let before = try inbox.report()
        guard case .purgedRetracted(let purged) = try service.retract(first.batch, purge: true) else {
            Issue.record("a purge of a retracted batch")
            return
        }
        #expect(purged.isPurged && purged.rows == 4 && purged.fileName == "a.csv")
        #expect(try inbox.report() == before)
        #expect(try inbox.batchCount() == 4, "roster, a, b and c: the purged batch is still listed")
        guard case .alreadyPurged = try service.retract(first.batch, purge: true) else {
            Issue.record("a second purge")
            return
        }
    }
}
