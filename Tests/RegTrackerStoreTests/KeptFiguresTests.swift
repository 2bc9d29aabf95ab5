import Foundation
import GRDB
import RegTrackerCore
import Testing

@testable import RegTrackerStore

/// The kept figures (issue 13): the registration day taken as SQL takes it, and a database of the last release
/// filled by its migration.
@Suite struct KeptFiguresTests {
    @Test func theRegistrationDayIsTheLeadingDateOnly() {
        #expect(FigureCounter.day("2026-11-02") == 20_261_102)
        #expect(FigureCounter.day("2026-11-02 08:30:15") == 20_261_102)
        #expect(FigureCounter.day("0000-00-00") == 0)
        #expect(FigureCounter.day("2026/11/02") == -1)
        #expect(FigureCounter.day("2026-1-2") == -1)
        #expect(FigureCounter.day("上周三") == -1)
        #expect(FigureCounter.day("２０２６-11-02") == -1)
        #expect(FigureCounter.day(nil) == -1)
        #expect(FigureCounter.text(20_261_102) == "2026-11-02")
        #expect(FigureCounter.text(0) == "0000-00-00")
        #expect(FigureCounter.text(-1) == nil)
    }

    @Test func theMigrationFillsTheFiguresFromTheRowsOfTheLastRelease() throws {
        let folder = NSTemporaryDirectory() + "regtracker-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/old.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v6: audit log of purges")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO batch (id, kind, file_name, sha256, imported_at, format, headers, sequence)
                    VALUES (1, 'roster', 'r.csv', 'a', '2026-11-01 09:00:00', 'csv', '', 1),
                           (2, 'registrations', 'l.csv', 'b', '2026-11-03 09:00:00', 'csv', '', 2);
                    INSERT INTO township (id, batch_id, position, row_number, name, population, aliases)
                    VALUES (7, 1, 0, 2, '青石镇', 10, '');
                    """)
            let rows: [(Int?, Int64?, String?)] = [
                (5, 7, "2026-10-30"), (5, 7, "2026-10-30 08:00"), (4, 7, "2026-10-31"), (1, 7, nil),
                (0, nil, "昨天"), (nil, nil, "2026-10-30"),
            ]
            for (index, row) in rows.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO registration (batch_id, row_number, raw, township_text, name, village, flagged,
                            outcome, township_id, registered_at)
                        VALUES (2, ?, '', '青石镇', '某', '', 0, ?, ?, ?)
                        """, arguments: [index + 2, row.0, row.1, row.2])
            }
        }
        try queue.close()

        let store = try SQLiteStore(path: path)
        let tally = try store.read { try $0.outcomeTally(roster: $0.currentRoster()) }
        #expect(tally.byTownship[7] == OutcomeCounts(malformed: 1, duplicates: 1, valid: 2))
        #expect(tally.unassigned == 1)
        #expect(tally.newestBatch[7] == NewestBatch(batch: 2, importedAt: "2026-11-03 09:00:00"))
        #expect(try store.read { try $0.figureDifferences() }.isEmpty)
        let summary = try store.read { try $0.figureSummary() }
        #expect(summary == FigureSummary(groups: 4, rows: 5), "valid on 10-30 (2 rows), duplicate, malformed, unassigned")
    }
}
