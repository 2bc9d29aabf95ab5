import Foundation
import RegTrackerCore
import RegTrackerIO

/// Writes the demo inbox: a roster and an invalid list in sub-folders, and township lists with the mess of real ones
/// (title rows, footers, duplicates within and across townships, invalid screenshots, malformed and masked values,
/// full-width digits, an unknown township, a GB18030 file). Same seed, same bytes.
public struct SampleGenerator {
    public var seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    struct TownshipPlan {
        var name: String
        var population: Int
        var target: String
        var aliases: String
        var villages: [String]
        var rows: Int
        var format: SampleFormat
    }

    /// How a township's list is saved: townships send CSV in both encodings, .xlsx and Excel 2003 XML.
    enum SampleFormat {
        case csv(ReadOptions.Encoding)
        case xlsx
        case spreadsheetML
    }

    static let plans = [
        TownshipPlan(name: "青石镇", population: 96, target: "", aliases: "青石", villages: ["青石社区", "石桥村", "柏林村"], rows: 60, format: .csv(.utf8)),
        TownshipPlan(name: "白沙镇", population: 120, target: "55%", aliases: "", villages: ["白沙社区", "河坝村"], rows: 58, format: .csv(.gb18030)),
        TownshipPlan(name: "龙泉街道", population: 150, target: "", aliases: "龙泉、龙泉办事处", villages: ["龙泉社区", "新街社区"], rows: 70, format: .xlsx),
        TownshipPlan(name: "桃源乡", population: 80, target: "0.5", aliases: "", villages: ["桃源村", "杏花村"], rows: 30, format: .spreadsheetML),
        TownshipPlan(name: "云溪镇", population: 110, target: "", aliases: "", villages: ["云溪社区", "竹林村"], rows: 52, format: .csv(.utf8)),
    ]

    /// Writes every sample file into `folder` and returns their paths.
    public func write(into folder: String) throws -> [String] {
        var random = SeededRandom(seed: seed)
        var people = FictionalPeople(random: SeededRandom(seed: seed &+ 1))
        var written: [String] = []
        func save(_ name: String, _ text: String, encoding: ReadOptions.Encoding = .utf8, bom: Bool = false) throws {
            let path = (folder as NSString).appendingPathComponent(name)
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let bytes = encoding == .gb18030 ? try TextDecoding.gb18030(text) : (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            written.append(path)
        }

        var roster = "某县各乡镇（街道）实有人口底数（2026年）\n序号,乡镇,实有人口,目标,别名\n"
        for (index, plan) in Self.plans.enumerated() {
            roster += "\(index + 1),\(plan.name),\(plan.population),\(plan.target),\(plan.aliases)\n"
        }
        roster += ",合计,\(Self.plans.reduce(0) { $0 + $1.population }),,\n"
        try save("roster/人口底数.csv", roster, bom: true)
        try save("roster/人口底数-分村.csv", Self.villageRoster(), bom: true)

        var earlier: [FictionalPerson] = []
        var listed: [(FictionalPerson, String)] = []
        for (index, plan) in Self.plans.enumerated() {
            var lines = [
                "\(plan.name)国家反诈中心APP注册名单（截至2026年11月25日）",
                "填报单位：\(plan.name)人民政府,,,,,,,,",
                "序号,姓名,乡镇,身份证号码,手机号码,所属村（社区）,注册时间,截图核验,备注",
            ]
            var mine: [FictionalPerson] = []
            for row in 1...plan.rows {
                var person = people.person(villages: plan.villages)
                var township = plan.name
                var idNumber = person.idNumber
                var phone = person.phone
                var verdict = "有效"
                var remark = ""
                switch Int.random(in: 0..<100, using: &random) {
                case 0..<4 where !mine.isEmpty:
                    person = mine.randomElement(using: &random)!
                    (idNumber, phone) = (person.idNumber, person.phone)
                    remark = "重复提交"
                case 4..<7 where !earlier.isEmpty:
                    person = earlier.randomElement(using: &random)!
                    (idNumber, phone) = (person.idNumber, person.phone)
                case 7..<12: verdict = "无效"
                case 12..<14: idNumber = String(idNumber.dropLast()) + (idNumber.last == "1" ? "2" : "1")
                case 14..<15: phone = String(phone.dropLast(2))
                case 15..<17: idNumber = String(idNumber.prefix(6)) + "********" + String(idNumber.suffix(4))
                case 17..<19:
                    idNumber = String(idNumber.map { character in
                        character.wholeNumberValue.map { Character(Unicode.Scalar(0xFF10 + $0)!) } ?? character
                    })
                case 19..<21: phone = "+86 " + phone
                case 21..<22 where index == 0: township = "青实镇"
                case 22..<23: township = plan.aliases.split(separator: "、").first.map(String.init) ?? plan.name
                case 23..<24: verdict = "待定"
                default: break
                }
                // Every inbox has a township name that is not in the roster (a typo, as in real lists).
                if index == 0 && row == 7 { township = "青实镇" }
                if row % 17 == 0 { listed.append((person, ["截图重复使用", "非本县人员", "截图伪造"].randomElement(using: &random)!)) }
                mine.append(person)
                let date = "2026-\(Int.random(in: 9...11, using: &random))-\(Int.random(in: 1...25, using: &random))"
                let village = Self.villageCell(person.village, row: row)
                lines.append(
                    "\(row),\(person.name),\(township),\(idNumber),\(phone),\(village),\(date),\(verdict),\(remark)")
            }
            earlier += mine
            lines.append(",合计：\(plan.rows)人,,,,,,,")
            lines.append("填报人：李某某,,审核人：王某某,,,,,,")
            let name = "\(String(format: "%02d", index + 1))-\(plan.name)-注册名单"
            let rows = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            switch plan.format {
            case .csv(let encoding):
                let newline = encoding == .gb18030 ? "\r\n" : "\n"
                try save(name + ".csv", lines.joined(separator: newline) + newline, encoding: encoding, bom: index % 2 == 0)
            case .spreadsheetML:
                try save(name + ".xml", SampleSheets.spreadsheetML(rows))
            case .xlsx:
                let path = (folder as NSString).appendingPathComponent(name + ".xlsx")
                try SampleSheets.writeXLSX(rows, to: path)
                written.append(path)
            }
        }

        // Lists as clerks lay them out, from their own random streams so that the files above keep their bytes.
        var clerk = ClerkSamples(people: FictionalPeople(random: SeededRandom(seed: seed &+ 2)))
        let titleOnly = clerk.titleOnlyList().map { $0.joined(separator: ",") }
        try save("06-补报名单-11月.csv", titleOnly.joined(separator: "\n") + "\n", bom: true)
        let workbook = (folder as NSString).appendingPathComponent("07-白沙镇-分村名单.xlsx")
        try SampleSheets.writeXLSX(clerk.villageWorkbook(), to: workbook)
        written.append(workbook)

        var invalid = "无效名单（县联席办核查）\n身份证号,手机号,乡镇,原因\n"
        for (person, reason) in listed { invalid += "\(person.idNumber),,,\(reason)\n" }
        try save("invalid/无效名单.csv", invalid, bom: true)
        return written
    }
}

extension SampleGenerator {
    /// The roster with villages (SPEC 5): each township's own row as in 人口底数.csv, then its villages sharing its
    /// population (the first takes the remainder), the first village of each township with a target of 60%, and a
    /// 合计 row per township that is skipped.
    static func villageRoster() -> String {
        var roster = "某县各乡镇（街道）分村（社区）实有人口底数（2026年）\n序号,乡镇,村（社区）,实有人口,目标,别名\n"
        var number = 0
        for plan in plans {
            number += 1
            roster += "\(number),\(plan.name),,\(plan.population),\(plan.target),\(plan.aliases)\n"
            let share = plan.population / plan.villages.count
            for (index, village) in plan.villages.enumerated() {
                number += 1
                let population = index == 0 ? plan.population - share * (plan.villages.count - 1) : share
                roster += "\(number),\(plan.name),\(village),\(population),\(index == 0 ? "60%" : ""),\n"
            }
            roster += ",\(plan.name),小计,\(plan.population),,\n"
        }
        return roster
    }

    /// Village cells as clerks write them: every fifth without its suffix (河坝), every eleventh with 村委会 or 居委会.
    static func villageCell(_ village: String, row: Int) -> String {
        let bare = VillageName.key(village)
        if row % 11 == 0 { return bare + (village.hasSuffix("社区") ? "居委会" : "村委会") }
        return row % 5 == 0 ? bare : village
    }
}
