import Foundation
import PostgresNIO
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerStore
import TestSupport
import Testing

@testable import RegTrackerPostgres

/// Kit's use cases on a PostgresStore, end to end: the report and the trend are SQLite's, and two offices
/// importing at once each import a file once, in one sequence.
@Suite(
    "Kit on PostgreSQL", .serialized,
    .enabled(
        if: ThrowawayPostgres.isInstalled, "PostgreSQL's server programs are not installed (apt-get install postgresql)"
    ))
struct PostgresImportTests {
    let ids = TwoStores.ids
    let phones = TwoStores.phones

    /// Six lists whose rows share keys across lists, so that the order they are imported in decides who is the
    /// duplicate of whom.
    var lists: [(name: String, text: String)] {
        let towns = ["白沙镇", "青石镇", "上坝村", "白沙", "青石", "云溪镇"]
        return (0..<6).map { index in
            let rows = (0..<4).map { row in
                let (id, phone) = (ids[(index + row) % ids.count], phones[(index * 2 + row) % phones.count])
                return "\(towns[(index + row) % towns.count]),人\(index)\(row),\(id),\(phone),2026-11-\(20 + index)"
            }
            return ("\(index)-名单.csv", "乡镇,姓名,身份证号,手机号码,注册时间\n" + rows.joined(separator: "\n") + "\n")
        }
    }

    @Test func theReportAndTrendOfPostgresAreThoseOfSQLite() throws {
        let two = try TwoStores()
        _ = try two.roster("花名册.csv", TwoStores.roster)
        _ = try two.invalid("作废.csv", "乡镇,手机号码\n白沙镇,\(phones[4])\n")
        for list in lists {
            let result = try two.register(list.name, list.text)
            #expect(result.postgres.summary?.outcomes == result.sqlite.summary?.outcomes)
        }
        // The same bytes again, under another name: already imported, on both.
        let again = try two.register("again.csv", lists[2].text)
        #expect(again.postgres.alreadyImportedBatch == again.sqlite.alreadyImportedBatch)
        #expect(again.postgres.alreadyImportedBatch != nil)
        let report = try two.both { try ReportService(store: $0).report(target: .default) }
        #expect(report.postgres.report == report.sqlite.report)
        #expect(report.postgres.lastSubmission == report.sqlite.lastSubmission)
        #expect(report.postgres.report.townships.map(\.counts.reported).reduce(0, +) > 0)
        let trend = try two.both {
            try TrendService(store: $0).trend(
                target: .default, asOf: CivilDate(year: 2026, month: 11, day: 29),
                deadline: CivilDate(year: 2026, month: 12, day: 31))
        }
        #expect(trend.postgres == trend.sqlite)
        let asOf = try two.both {
            try TrendService(store: $0).report(target: .default, asOf: CivilDate(year: 2026, month: 11, day: 22)).report
        }
        #expect(asOf.postgres == asOf.sqlite)
        #expect(try ConsistencyCheck(store: two.postgres).run().isConsistent)
    }

    /// Two importers on two connections at once, on overlapping files: each file is imported exactly once, and
    /// the figures are those of one importer importing the files in the order their batches were numbered.
    @Test func twoImportersAtOnceImportEachFileOnceInOneSequence() throws {
        let two = try TwoStores()
        _ = try two.roster("花名册.csv", TwoStores.roster)
        let paths = try lists.map { try two.file($0.name, $0.text) }
        let offices = [try PostgresStore(two.location), try PostgresStore(two.location)]
        let shares = [Array(paths[0..<4]), Array(paths[2..<6].reversed())]
        let results = [LockedValue<[ImportResult]>([]), LockedValue<[ImportResult]>([])]
        let group = DispatchGroup()
        for office in 0..<2 {
            group.enter()
            let (store, share, clock) = (offices[office], shares[office], two.clock)
            Thread.detachNewThread {
                let imported = share.map { path in
                    RegistrationImport(store: store, clock: clock).run(
                        path: path, options: ReadOptions(), township: nil, replace: false)
                }
                results[office].value = imported
                group.leave()
            }
        }
        group.wait()
        let all = results.flatMap(\.value)
        #expect(all.compactMap(\.summary).count == 6)
        #expect(all.compactMap(\.alreadyImportedBatch).count == 2)
        let batches = try two.postgres.read { try $0.batches().filter { $0.kind == .registrations } }
        #expect(Set(batches.map(\.fileName)) == Set(lists.map(\.name)))
        #expect(batches.count == 6)
        // SQLite, one list after the other, in the order PostgreSQL numbered them.
        for batch in batches {
            _ = RegistrationImport(store: two.sqlite, clock: two.clock).run(
                path: two.folder + "/" + batch.fileName, options: ReadOptions(), township: nil, replace: false)
        }
        let report = try two.both { try ReportService(store: $0).report(target: .default).report }
        #expect(report.postgres == report.sqlite)
        let rejects = try two.read { try $0.rejects(township: nil, all: true) }
        #expect(rejects.postgres == rejects.sqlite)
        #expect(try ConsistencyCheck(store: two.postgres).run().isConsistent)
    }

    /// An import that waits longer than its queue timeout for another office's is rejected as busy, with nothing
    /// stored; once the other is done it imports.
    @Test func anImportThatWaitsTooLongForAnotherIsRejectedAsBusy() throws {
        let two = try TwoStores()
        _ = try two.roster("花名册.csv", TwoStores.roster)
        let path = try two.file(lists[0].name, lists[0].text)
        let waiting = try PostgresStore(two.location, lockTimeout: 1, queueTimeout: 1)
        let importer = RegistrationImport(store: waiting, clock: two.clock)
        let result = try two.postgres.transaction { transaction in
            try transaction.lockSequence()
            return importer.run(path: path, options: ReadOptions(), township: nil, replace: false)
        }
        guard case .rejected(let error) = result, case .store(let storeError) = error.problem else {
            Issue.record("not rejected as busy: \(result)")
            return
        }
        #expect(storeError.code == .importQueue)
        #expect(storeError.path == two.location.description)
        #expect(try waiting.read { try $0.batches().filter { $0.kind == .registrations } }.isEmpty)
        #expect(importer.run(path: path, options: ReadOptions(), township: nil, replace: false).summary?.rows == 4)
    }

    /// The second importer of the same bytes finds no batch before it starts writing (the first has not
    /// committed), waits at the sequence lock, and then finds the first's batch: the file is imported once.
    @Test func theSameBytesStartedTwiceAtOnceAreImportedOnce() throws {
        let two = try TwoStores()
        _ = try two.roster("花名册.csv", TwoStores.roster)
        // Enough rows for the first importer to report progress from inside its write transaction.
        let rows = (0..<RegistrationImport.progressInterval).map { "青石镇,人\($0),139\(String(format: "%08d", $0))" }
        let path = try two.file("青石镇.csv", "乡镇,姓名,手机号码\n" + rows.joined(separator: "\n") + "\n")
        let (first, second) = (try PostgresStore(two.location), try PostgresStore(two.location))
        let secondResult = LockedValue<ImportResult?>(nil)
        let secondDone = DispatchSemaphore(value: 0)
        let clock = two.clock
        let firstResult = RegistrationImport(store: first, clock: clock) { _ in
            // Inside the first's transaction, holding the lock: the second starts now and must wait for it.
            Thread.detachNewThread {
                secondResult.value = RegistrationImport(store: second, clock: clock).run(
                    path: path, options: ReadOptions(), township: nil, replace: false)
                secondDone.signal()
            }
            Thread.sleep(forTimeInterval: 1)
        }.run(path: path, options: ReadOptions(), township: nil, replace: false)
        secondDone.wait()
        let batch = try #require(firstResult.summary?.batch)
        #expect(secondResult.value?.alreadyImportedBatch == batch)
        #expect(try two.postgres.read { try $0.batches().filter { $0.kind == .registrations }.count } == 1)
        #expect(
            try ReportService(store: two.postgres).report(target: .default).report.townships.map(\.counts.valid)
                .reduce(0, +) == Int64(rows.count))
    }

    /// COPY's text format escapes a backslash, a tab and a line break, and spells NULL `\N`: names holding them, or
    /// the text `\N` itself, come back from PostgreSQL as from SQLite.
    @Test func namesWithBackslashesTabsAndLineBreaksComeBackAsGiven() throws {
        let two = try TwoStores()
        _ = try two.roster("花名册.csv", TwoStores.roster)
        let names = ["甲\\乙", "\\N", "丙\t丁", "戊\n己", "庚\r\n辛"]
        let rows = names.map { "白沙镇,\"\($0)\",12345,,2026-11-20" }
        let header = "乡镇,姓名,身份证号,手机号码,注册时间\n"
        let result = try two.register("转义.csv", header + rows.joined(separator: "\n") + "\n")
        #expect(result.postgres.summary?.rows == names.count)
        let rejects = try two.read { try $0.rejects(township: nil, all: true) }
        #expect(rejects.postgres == rejects.sqlite)
        #expect(rejects.postgres.count == names.count)
        #expect(rejects.postgres.contains { $0.name == "\\N" })
    }

    /// The valid-key writer copies new keys into the index, and, when a key is in the index already, gives the
    /// batch's keys to its valid rows, the later of two rows with one key keeping it, as SQLite's `INSERT OR
    /// REPLACE` does with the later one given.
    @Test func theValidKeyWriterTakesNewKeysAndGivesAKeyHeldToTheLastRow() throws {
        let two = try TwoStores()
        try two.postgres.transaction { transaction in
            let connection = transaction.connection
            func entries(_ table: String) throws -> [Int64: Int64] {
                var entries: [Int64: Int64] = [:]
                for row in try connection.rows(PostgresQuery(unsafeSQL: "SELECT key, registration_id FROM \(table)")) {
                    entries[try row["key"].decode(Int64.self)] = try row["registration_id"].decode(Int64.self)
                }
                return entries
            }
            // Two batches of valid rows: ids 1–2 in the first; 3–5 in the second, whose key 5 row 2 holds (as a
            // replaced batch's rows can) and whose key 6 two of its rows name.
            try connection.execute(
                sql: """
                    INSERT INTO batch (id, sequence, kind, file_name, sha256, imported_at, format, headers)
                    VALUES (1, 1, 'registrations', 'a.csv', 'a', '2026-11-01 09:00:00', 'csv', ''),
                        (2, 2, 'registrations', 'b.csv', 'b', '2026-11-02 09:00:00', 'csv', '')
                    """)
            let rows: [(id: Int64, batch: Int64, idKey: Int64?, phoneKey: Int64?)] = [
                (1, 1, 7, nil), (2, 1, 5, 13_800_138_000), (3, 2, 5, nil), (4, 2, 6, nil), (5, 2, 6, 13_900_139_000),
            ]
            let valid = Int16(OutcomeKind.valid.rawValue)
            for row in rows {
                try connection.execute(
                    """
                    INSERT INTO registration (id, batch_id, row_number, raw, township_text, name, village, flagged,
                        outcome, id_key, phone_key)
                    VALUES (\(row.id), \(row.batch), \(row.id + 1), '', '', '', '', false, \(valid), \(row.idKey),
                        \(row.phoneKey))
                    """)
            }
            let fresh = PostgresValidKeyIndex.Writer(connection, batch: 1)
            try fresh.add(idKey: 5, row: 2)
            try fresh.add(idKey: 7, row: 1)
            try fresh.add(phoneKey: 13_800_138_000, row: 2)
            try fresh.finish()
            #expect(try entries("valid_id_key") == [5: 2, 7: 1])
            #expect(try entries("valid_phone_key") == [13_800_138_000: 2])
            // Key 5 is held: the copy fails, and the batch's valid rows give their keys instead, the later of two
            // rows naming one key keeping it.
            let again = PostgresValidKeyIndex.Writer(connection, batch: 2)
            try again.add(idKey: 5, row: 3)
            try again.add(idKey: 6, row: 5)
            try again.add(phoneKey: 13_900_139_000, row: 5)
            try again.finish()
            #expect(try entries("valid_id_key") == [5: 3, 6: 5, 7: 1])
            #expect(try entries("valid_phone_key") == [13_800_138_000: 2, 13_900_139_000: 5])
            // A held key in the last COPY: its failure comes after the last add, and is met the same way.
            try connection.execute(
                sql: """
                    INSERT INTO batch (id, sequence, kind, file_name, sha256, imported_at, format, headers)
                    VALUES (3, 3, 'registrations', 'c.csv', 'c', '2026-11-03 09:00:00', 'csv', '')
                    """)
            try connection.execute(
                """
                INSERT INTO registration (id, batch_id, row_number, raw, township_text, name, village, flagged,
                    outcome, id_key, phone_key)
                VALUES (6, 3, 2, '', '', '', '', false, \(valid), 8, 13800138000)
                """)
            let last = PostgresValidKeyIndex.Writer(connection, batch: 3)
            try last.add(idKey: 8, row: 6)
            try last.add(phoneKey: 13_800_138_000, row: 6)
            try last.finish()
            #expect(try entries("valid_id_key") == [5: 3, 6: 5, 7: 1, 8: 6])
            #expect(try entries("valid_phone_key") == [13_800_138_000: 6, 13_900_139_000: 5])
        }
    }

    /// The valid-key lookup gives the same rows asking one key at a time as after fetching a batch's keys at once, for
    /// every place in the sequence, for keys the index holds and keys it does not; without a place, the prefetch
    /// asks over a connection of its own.
    @Test func theValidKeyLookupAnswersAlikeOneKeyAtATimeAndPrefetched() throws {
        let two = try TwoStores()
        _ = try two.roster("花名册.csv", TwoStores.roster)
        for list in lists { _ = try two.register(list.name, list.text) }
        try two.postgres.transaction { transaction in
            let connection = transaction.connection
            let keys = try PostgresValidKeyIndex.tables.map { entry in
                let stored = try connection.rows(PostgresQuery(unsafeSQL: "SELECT key FROM \(entry.table)")).map {
                    try $0["key"].decode(Int64.self)
                }
                return stored + stored.map { $0 + 1 }
            }
            #expect(keys.allSatisfy { !$0.isEmpty })
            let places = try connection.rows("SELECT sequence FROM batch").map {
                try $0["sequence"].decode(Int64?.self)
            }
            for place in [nil] + places {
                let single = try PostgresValidKeyIndex.Lookup(connection, before: place, ownConnectionTo: nil)
                let singleRows =
                    try keys[0].map { try single.row(idKey: $0) } + keys[1].map { try single.row(phoneKey: $0) }
                let prefetched = try PostgresValidKeyIndex.Lookup(
                    connection, before: place, ownConnectionTo: place == nil ? two.postgres.location : nil)
                try prefetched.prefetch(idKeys: keys[0], phoneKeys: keys[1])
                try prefetched.startWindow()
                let prefetchedRows =
                    try keys[0].map { try prefetched.row(idKey: $0) } + keys[1].map { try prefetched.row(phoneKey: $0) }
                #expect(prefetchedRows == singleRows)
                if place == nil { #expect(singleRows.contains { $0 != nil }) }
            }
        }
    }
}
