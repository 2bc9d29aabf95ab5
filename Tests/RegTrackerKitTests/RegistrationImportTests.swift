import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import Testing

@Suite struct RegistrationImportTests {
    let ids = TestInbox.ids
    let phones = TestInbox.phones

    @Test func importsBelowTitleRowsAndCountsEachOutcome() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let result = try inbox.register(
            "青石镇.csv",
            """
            青石镇国家反诈中心APP注册名单（截至6月30日）
            ,,,,
            序号,姓名,乡镇,身份证号码,手机号码,截图核验
            1,张三,青石镇,\(ids[0]),\(phones[0]),有效
            2,李四,青石,\(ids[1]),,是
            3,王五,青石镇,\(ids[0]),,
            4,赵六,青石镇,\(ids[2]),,无效
            5,,青石镇,\(ids[3]),,
            6,钱七,石青镇,\(ids[4]),,
            ,合计：6人,,,,
            填报人：某某,,,,,
            """)
        let summary = try #require(result.summary)
        #expect(summary.rows == 6)
        #expect(summary.skippedRows == 2)
        #expect(summary.outcomes == [.valid: 2, .duplicate: 1, .flagged: 1, .malformed: 1, .unassigned: 1])
        let figures = try inbox.figures("青石镇")
        #expect(figures.counts == OutcomeCounts(malformed: 1, flagged: 1, listed: 0, duplicates: 1, valid: 2))
        #expect(figures.counts.reported == 5)
        #expect(try inbox.report().unassigned == 1)
    }

    @Test func reimportingTheSameBytesIsANoOpWhateverTheName() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let list = "姓名,乡镇,手机号\n张三,青石镇,\(phones[0])\n"
        let first = try #require(try inbox.register("a.csv", list).summary)
        #expect(try inbox.register("b.csv", list).alreadyImportedBatch == first.batch)
        #expect(try inbox.figures("青石镇").counts.valid == 1)
        #expect(try inbox.batchCount() == 2)
    }

    @Test func replaceRetractsTheBatchOfTheSameFileNameAndAppendsTheNewOne() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let old = try #require(
            try inbox.register("青石镇.csv", "姓名,乡镇,手机号\n张三,青石镇,\(phones[0])\n李四,青石镇,\(phones[1])\n").summary)
        _ = try inbox.register("白沙镇.csv", "姓名,乡镇,手机号\n张三,白沙镇,\(phones[0])\n")
        #expect(try inbox.figures("白沙镇").counts.duplicates == 1)

        let new = try #require(
            try inbox.register("青石镇.csv", "姓名,乡镇,手机号\n李四,青石镇,\(phones[1])\n", replace: true).summary)
        #expect(new.replaced == [old.batch])
        #expect(new.batch > old.batch)
        #expect(try inbox.figures("青石镇").counts.valid == 1)
        // 张三 now first appears in 白沙镇's list, which becomes valid.
        #expect(try inbox.figures("白沙镇").counts == OutcomeCounts(valid: 1))
    }

    @Test func retractingABatchReevaluatesLaterRows() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let first = try #require(try inbox.register("a.csv", "姓名,乡镇,手机号\n张三,青石镇,\(phones[0])\n").summary)
        _ = try inbox.register("b.csv", "姓名,乡镇,手机号\n张三,白沙镇,\(phones[0])\n")
        #expect(try inbox.figures("白沙镇").counts.duplicates == 1)
        _ = try BatchService(store: inbox.store, clock: inbox.clock).retract(first.batch, purge: false)
        #expect(try inbox.figures("青石镇").counts.reported == 0)
        #expect(try inbox.figures("白沙镇").counts == OutcomeCounts(valid: 1))
        // Retracted bytes can be imported again.
        #expect(try inbox.register("a2.csv", "姓名,乡镇,手机号\n张三,青石镇,\(phones[0])\n").summary != nil)
    }

    @Test func anAppendedListFindsTheRowThatBecameValidWhenTheFirstWasRetracted() throws {
        // The appended import looks keys up in the valid-key index: the index must follow the re-evaluation, which
        // gives 张三's key from the retracted row to the duplicate in b.csv. TestInbox checks the index after each step.
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let first = try #require(try inbox.register("a.csv", "姓名,乡镇,手机号\n张三,青石镇,\(phones[0])\n").summary)
        _ = try inbox.register("b.csv", "姓名,乡镇,手机号,身份证号码\n张三,白沙镇,\(phones[0]),\(ids[0])\n")
        _ = try BatchService(store: inbox.store, clock: inbox.clock).retract(first.batch, purge: true)
        inbox.expectKeptFiguresAgree()
        #expect(try inbox.figures("白沙镇").counts == OutcomeCounts(valid: 1))

        let daily = try #require(
            try inbox.register("c.csv", "姓名,乡镇,身份证号码\n张三,青石镇,\(ids[0])\n李四,青石镇,\(ids[1])\n").summary)
        #expect(daily.outcomes == [.duplicate: 1, .valid: 1])
        let rejects = try ReportService(store: inbox.store).rejects(RejectFilter())
        #expect(
            rejects.map(\.reasons) == [[.duplicate(township: "白沙镇", county: nil, file: "b.csv", sheet: nil, row: 2)]])
    }

    @Test func aRejectedFileLeavesNothingBehind() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let before = try inbox.batchCount()
        let noHeader = try inbox.register("no-header.csv", "张三,青石镇,\(phones[0])\n")
        #expect(noHeader.rejection?.message.contains("no header row") == true)
        let noName = try inbox.register("no-name.csv", "乡镇,手机号\n青石镇,\(phones[0])\n")
        #expect(noName.rejection?.message.contains("姓名 (name)") == true)
        #expect(noName.rejection?.message.contains("found columns: 乡镇, 手机号") == true)
        let unclosed = try inbox.register("unclosed.csv", "姓名,乡镇,手机号\n张三,青石镇,\(phones[0])\n\"李四,青石镇\n")
        #expect(unclosed.rejection?.message.contains("line 3") == true)
        if case .unreadable(let error) = unclosed.rejection?.problem {
            #expect(error == ReadError(.unclosedQuote, at: .line(3)))
        } else {
            Issue.record("expected an unreadable file, got \(String(describing: unclosed.rejection))")
        }
        #expect(unclosed.rejection?.message(in: .chinese).hasPrefix("第 3 行：此处开始的带引号字段没有闭合") == true)
        #expect(try inbox.batchCount() == before)
        #expect(try inbox.figures("青石镇").counts.reported == 0)
    }

    @Test func aTownshipOptionFillsOnlyEmptyTownshipCells() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let summary = try #require(
            try inbox.register(
                "list.csv", "姓名,乡镇,手机号\n张三,,\(phones[0])\n李四,白沙镇,\(phones[1])\n", township: "青石镇"
            ).summary)
        #expect(summary.outcomes == [.valid: 2])
        #expect(try inbox.figures("青石镇").counts.valid == 1)
        #expect(try inbox.figures("白沙镇").counts.valid == 1)
        // Without a township column at all, --township makes the file importable.
        #expect(try inbox.register("bare.csv", "姓名,手机号\n王五,\(phones[2])\n", township: "青石").summary?.rows == 1)
        #expect(try inbox.figures("青石镇").counts.valid == 2)
    }

    @Test func invalidListsGiveTheSameResultBeforeOrAfterTheRowsTheyHit() throws {
        let rows = "姓名,乡镇,身份证号,手机号\n张三,青石镇,\(ids[0]),\n张三,白沙镇,\(ids[0]),\(phones[1])\n李四,白沙镇,,\(phones[2])\n"
        let list = "身份证号,手机号,乡镇,原因\n\(ids[0]),,青石镇,截图重复使用\n,\(phones[2]),青石镇,不在本镇\n"

        let before = try TestInbox()
        _ = try before.roster()
        _ = try before.invalid("invalid.csv", list)
        _ = try before.register("list.csv", rows)

        let after = try TestInbox()
        _ = try after.roster()
        _ = try after.register("list.csv", rows)
        let listed = try #require(try after.invalid("invalid.csv", list).summary)
        #expect(listed.reevaluated == 2)

        for inbox in [before, after] {
            // 张三 is listed for 青石镇 only, so his 白沙镇 row is no longer a duplicate; 李四's entry names another township.
            #expect(try inbox.figures("青石镇").counts == OutcomeCounts(listed: 1))
            #expect(try inbox.figures("白沙镇").counts == OutcomeCounts(valid: 2))
        }
    }

    @Test func aNewRosterReevaluatesEveryRow() throws {
        let inbox = try TestInbox()
        _ = try inbox.register("list.csv", "姓名,乡镇,手机号\n张三,云溪镇,\(phones[0])\n")
        #expect(try inbox.report().unassigned == 1)
        let summary = try #require(try inbox.roster("乡镇,实有人口\n云溪镇,3\n").summary)
        #expect(summary.reevaluated == 1)
        #expect(try inbox.figures("云溪镇").counts.valid == 1)
        #expect(try inbox.report().townships.count == 1)
    }

    @Test func aRosterWithANegativePopulationIsRejectedAndThePreviousOneStands() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let result = try inbox.roster("乡镇,实有人口\n青石镇,-5\n")
        #expect(result.rejection?.message.contains("row 2") == true)
        #expect(try inbox.report().townships.map(\.township) == ["白沙镇", "青石镇"])
    }

    @Test func gb18030AndSemicolonFilesAreDetected() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let text = "标题行\r\n姓名;乡镇;手机号\r\n张三;青石镇;\(phones[0])\r\n"
        let path = try inbox.file("gbk.csv", bytes: try TextDecoding.gb18030(text))
        let result = RegistrationImport(store: inbox.store, clock: inbox.clock)
            .run(path: path, options: .init(), township: nil, replace: false)
        #expect(result.summary?.outcomes == [.valid: 1])
        #expect(try inbox.store.read { try $0.batches().last?.encoding } == "gb18030")
    }
}
