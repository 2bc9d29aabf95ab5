import RegTrackerRender
import Testing

@testable import RegTrackerCore

/// SPEC 5: a registration row's village cell against its township's villages.
@Suite("Village matching")
struct VillageMatchingTests {
    let roster = Roster(townships: [
        Township(
            name: "白沙镇", population: 100,
            villages: [
                Village(name: "河坝村", population: 10), Village(name: "石桥社区", population: 8, aliases: ["桥头"]),
                Village(name: "新村", population: 5),
            ]),
        Township(name: "青石镇", population: 50),
    ])

    @Test(
        "one trailing 村民委员会, 居民委员会, 村委会, 居委会, 村 or 社区 is ignored on both sides, the longest that fits",
        arguments: [
            ("河坝", "河坝"), ("河坝村", "河坝"), ("河坝社区", "河坝"), ("河坝村委会", "河坝"), ("河坝居委会", "河坝"),
            ("河坝村民委员会", "河坝"), ("河坝居民委员会", "河坝"), (" 河 坝　村 ", "河坝"), ("河坝村3组", "河坝村3组"),
            ("河坝社区村", "河坝社区"), ("村", "村"), ("社区", "社区"), ("ＡＢ村", "AB"),
        ])
    func key(cell: String, key: String) {
        #expect(VillageName.key(cell) == key)
    }

    @Test(
        "a cell names a village by name or alias, with or without its suffix; other cells name none",
        arguments: [
            ("河坝", 0 as Int?), ("河坝村", 0), ("河 坝 村委会", 0), ("河坝社区", 0), ("石桥", 1), ("石桥居委会", 1),
            ("桥头", 1), ("桥头村", 1), ("新村", 2), ("新", 2), ("河坝村3组", nil), ("", nil), ("柳林村", nil),
        ])
    func match(cell: String, village: Int?) {
        #expect(roster.villageIndex(township: 0, cell: cell) == village)
    }

    @Test("a township without villages matches no cell")
    func noVillages() {
        #expect(roster.villageIndex(township: 1, cell: "河坝村") == nil)
        #expect(roster.hasVillages)
        #expect(!Roster(townships: [Township(name: "青石镇", population: 1)]).hasVillages)
    }
}

/// SPEC 1.1 and 5: village rows of a roster.
@Suite("Roster villages")
struct RosterVillageTests {
    static let columns = ColumnMap(
        headerRow: 1, headerRowCount: 1, columns: [.township: 0, .village: 1, .population: 2, .target: 3, .aliases: 4],
        headers: ["乡镇", "村（社区）", "实有人口", "目标", "别名"])

    func entries(_ rows: [[String]]) throws -> [(row: Int, entry: RosterEntry)] {
        try rows.enumerated().compactMap { offset, cells in
            let row = SourceRow(number: offset + 2, cells: cells.map { $0.isEmpty ? Cell.empty : .text($0) })
            return try RosterRow.entry(from: row, columns: Self.columns).get().map { (offset + 2, $0) }
        }
    }

    func assemble(_ rows: [[String]]) throws -> Result<[(row: Int, township: Township)], RosterRowError> {
        RosterRow.assemble(try entries(rows))
    }

    @Test("a township with village rows only has their summed population and the global target")
    func villagesOnly() throws {
        let townships = try assemble([["云溪镇", "上坝村", "20", "60%", ""], ["云溪镇", "下坝村", "30", "", ""]]).get()
        #expect(townships.count == 1)
        #expect(townships[0].row == 2)
        #expect(townships[0].township.name == "云溪镇")
        #expect(townships[0].township.population == 50)
        #expect(townships[0].township.target == nil)
        #expect(townships[0].township.villages.map(\.name) == ["上坝村", "下坝村"])
        #expect(townships[0].township.villages[0].target == Target(numerator: 3, denominator: 5))
    }

    @Test("a township's own row keeps its population when its villages sum to another, wherever the row stands")
    func ownRowStands() throws {
        let townships = try assemble([
            ["白沙镇", "河坝村", "10", "", ""], ["白沙镇", "", "100", "40%", "白莎镇"], ["白莎镇", "柳林村", "12", "", ""],
        ]).get()
        #expect(townships.count == 1)
        #expect(townships[0].row == 3)
        #expect(townships[0].township.population == 100)
        #expect(townships[0].township.target == Target(numerator: 2, denominator: 5))
        // A village row may name its township by an alias.
        #expect(townships[0].township.villages.map(\.name) == ["河坝村", "柳林村"])
    }

    @Test("a village row with an empty township cell (a merged cell) belongs to the township above")
    func mergedTownshipCell() throws {
        let filled = try RosterRow.fillTownships(
            try entries([
                ["白沙镇", "", "30", "", ""], ["", "河坝村", "10", "", ""], ["", "石桥社区", "8", "", ""],
                ["云溪镇", "上坝村", "20", "", ""], ["", "下坝村", "30", "", ""],
            ])
        ).get()
        let townships = try RosterRow.assemble(filled).get().map(\.township)
        #expect(townships.map(\.name) == ["白沙镇", "云溪镇"])
        #expect(townships.map { $0.villages.map(\.name) } == [["河坝村", "石桥社区"], ["上坝村", "下坝村"]])
        #expect(townships.map(\.population) == [30, 50])
        guard case .failure(let error) = RosterRow.fillTownships(try entries([["", "河坝村", "10", "", ""]])) else {
            Issue.record("a village row before any township should reject the roster")
            return
        }
        #expect(error == RosterRowError(row: 2, problem: .noTownship("河坝村")))
    }

    @Test("a village cell of 合计, 总计 or 小计 skips the row", arguments: ["合计", "总计", "小计", "合 计："])
    func totalsSkipped(cell: String) throws {
        #expect(try entries([["云溪镇", cell, "50", "", ""]]).isEmpty)
    }

    @Test("two villages of one township that differ only by suffix reject the roster, naming both rows")
    func sameVillageTwice() throws {
        guard case .failure(let error) = try assemble([["白沙镇", "河坝村", "10", "", ""], ["白沙镇", "河坝社区", "8", "", ""]])
        else {
            Issue.record("expected the roster to be rejected")
            return
        }
        #expect(error.row == 3)
        #expect(error.problem == .villageNameUsedTwice("河坝社区", township: "白沙镇", owner: "河坝村", ownerRow: 2))
        #expect(error.description.contains("row 3"))
        #expect(error.description.contains("(row 2)"))
    }

    @Test("a village alias counts as a name; the same village name in two townships is fine")
    func aliasesAndTownships() throws {
        if case .success = try assemble([["白沙镇", "河坝村", "10", "", ""], ["白沙镇", "石桥社区", "8", "", "河坝"]]) {
            Issue.record("an alias equal to another village's name must reject the roster")
        }
        let townships = try assemble([["白沙镇", "河坝村", "10", "", ""], ["云溪镇", "河坝村", "8", "", ""]]).get()
        #expect(townships.map(\.township.name) == ["白沙镇", "云溪镇"])
    }

    @Test("a village row with a bad population rejects the roster, naming the township and the village")
    func badVillagePopulation() throws {
        let row = SourceRow(number: 6, cells: [.text("白沙镇"), .text("河坝村"), .text("约十人")])
        guard case .failure(let error) = RosterRow.entry(from: row, columns: Self.columns) else {
            Issue.record("expected the row to be rejected")
            return
        }
        #expect(error.row == 6)
        #expect(error.message.contains("白沙镇 河坝村"))
    }
}

/// SPEC 5: village figures use the township arithmetic; rank within the table, ties by name.
@Suite("Village figures")
struct VillageFiguresTests {
    let township = Township(
        name: "白沙镇", population: 100, target: Target(numerator: 2, denominator: 5),
        villages: [
            Village(name: "河坝村", population: 10),
            Village(name: "石桥社区", population: 8, target: Target(numerator: 3, denominator: 5)),
            Village(name: "柳林村", population: 10), Village(name: "新村", population: 0),
        ])

    func report(_ valid: [Int64]) -> VillageReport {
        let villages = VillageStanding.all(of: township, target: Target(numerator: 1, denominator: 2)) {
            OutcomeCounts(valid: valid[$0])
        }
        return VillageReport(township: "白沙镇", target: township.target!, villages: villages, unmatched: OutcomeCounts())
    }

    @Test("targets: the village's own, else the township's; required rounds up exactly")
    func targets() {
        let villages = report([3, 2, 3, 0]).villages
        let byName = Dictionary(uniqueKeysWithValues: villages.map { ($0.village, $0.figures) })
        #expect(byName["河坝村"]?.target == Target(numerator: 2, denominator: 5))
        #expect(byName["河坝村"]?.required == 4)
        #expect(byName["石桥社区"]?.required == 5)  // ⌈8 × 60%⌉ = ⌈4.8⌉
        #expect(byName["石桥社区"]?.shortfall == 3)
        #expect(byName["石桥社区"]?.rateMillionths == 250_000)
    }

    @Test("equal rates share a rank, ties by name; population 0 has no rank, rate or met and comes last")
    func ranks() {
        let villages = report([3, 2, 3, 0]).villages
        #expect(villages.map(\.village) == ["柳林村", "河坝村", "石桥社区", "新村"])
        #expect(villages.map(\.figures.rank) == [1, 1, 3, nil])
        #expect(villages[3].figures.met == nil)
        #expect(villages[3].figures.rateMillionths == nil)
    }

    @Test("the shortfall lists villages below target, worst rate first")
    func shortfall() {
        let below = report([4, 2, 3, 0]).shortfall
        #expect(below.map(\.village) == ["石桥社区", "柳林村"])
        #expect(below.map(\.figures.shortfall) == [3, 1])
    }

    @Test("the county-wide table ranks every village, ties by village then township")
    func countyWide() {
        let yunxi = Township(name: "云溪镇", population: 50, villages: [Village(name: "河坝村", population: 10)])
        let global = Target(numerator: 1, denominator: 2)
        let villages =
            VillageStanding.all(of: township, target: global) { _ in OutcomeCounts(valid: 1) }
            + VillageStanding.all(of: yunxi, target: global) { _ in OutcomeCounts(valid: 1) }
        let report = VillageReport(township: nil, target: global, villages: villages, unmatched: OutcomeCounts())
        // 石桥社区 1 of 8 first; three villages at 1 of 10 share rank 2, by village name, then township name.
        #expect(report.villages.map(\.village) == ["石桥社区", "柳林村", "河坝村", "河坝村", "新村"])
        #expect(report.villages.map(\.township) == ["白沙镇", "白沙镇", "云溪镇", "白沙镇", "白沙镇"])
        #expect(report.villages.map(\.figures.rank) == [1, 2, 2, 2, nil])
        // Each also keeps its rank among its own township's villages (SPEC 5), in the JSON as `township_rank`.
        #expect(report.villages.map(\.townshipRank) == [1, 2, 1, 2, nil])
        let json = VillageJSON.report(report).rendered()
        #expect(json.contains("\"township_rank\": 2"))
        #expect(VillageReport(township: "白沙镇", target: global, villages: villages, unmatched: OutcomeCounts())
            .villages.allSatisfy { $0.townshipRank == nil })
    }

    @Test("the JSON has SPEC 5's fields, and the township in the county-wide list")
    func json() throws {
        let document = VillageJSON.report(report([3, 2, 3, 0])).rendered()
        #expect(document.contains("\"township\": \"白沙镇\""))
        #expect(document.contains("\"unmatched_village\""))
        guard case .object(let fields) = VillageJSON.village(report([3, 2, 3, 0]).villages[0], withTownship: true)
        else {
            Issue.record("expected an object")
            return
        }
        #expect(
            fields.map(\.0) == [
                "rank", "township_rank", "village", "township", "population", "target", "reported", "invalid",
                "invalid_malformed",
                "invalid_flagged", "invalid_listed", "duplicates", "valid", "required", "shortfall", "rate", "met",
            ])
    }
}

/// SPEC 1.1 for villages: every roster import says what changed in the villages of townships it keeps.
@Suite("Roster village changes")
struct RosterVillageChangesTests {
    @Test("villages are followed by name or alias: added, dropped, populations and targets")
    func changes() {
        let old = Roster(townships: [
            Township(
                name: "白沙镇", population: 100,
                villages: [
                    Village(name: "河坝村", population: 10), Village(name: "柳林村", population: 10),
                    Village(name: "石桥社区", population: 8),
                ])
        ])
        let new = Roster(townships: [
            Township(
                name: "白沙镇", population: 100,
                villages: [
                    Village(name: "河坝社区", population: 12),
                    Village(name: "石桥社区", population: 8, target: Target(numerator: 3, denominator: 5)),
                    Village(name: "新村", population: 5),
                ]),
            Township(name: "云溪镇", population: 50, villages: [Village(name: "上坝村", population: 50)]),
        ])
        let changes = RosterChanges.between(old, new)
        let place = RosterChanges.VillagePlace.init
        // 河坝村 and 河坝社区 are one village: its population changed, it was not dropped and added.
        #expect(changes.villagePopulations == [.init(place: place("白沙镇", "河坝社区"), from: 10, to: 12)])
        #expect(changes.villagesDropped == [place("白沙镇", "柳林村")])
        #expect(changes.villagesAdded == [place("白沙镇", "新村")])
        #expect(changes.villageTargets.map(\.to) == [Target(numerator: 3, denominator: 5)])
        // A new township's villages come with it.
        #expect(changes.added == ["云溪镇"])
        #expect(!changes.isEmpty)
    }
}
