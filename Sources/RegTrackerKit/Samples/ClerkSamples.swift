import Foundation
import RegTrackerCore

/// Sample lists laid out the way township clerks lay them out (SPEC 1.2, 1.4, 1.5, 1.6): the township only in the
/// title, no township column, a verdict column headed 是否截图, signature lines in several columns, IDs typed with
/// Excel's text marker, phones with (+86); and a workbook whose first sheet is a hidden list of dropdown values, with
/// one sheet per village under a merged title and a sheet of invalid screenshots that is not to be read.
struct ClerkSamples {
    var people: FictionalPeople

    /// 云溪镇's supplementary list: the township is named by its title only.
    mutating func titleOnlyList() -> [[String]] {
        var rows = [
            ["云溪镇国家反诈中心APP注册名单（截至2026年11月30日）"],
            ["序号", "姓名", "身份证号码", "联系电话", "所在村（社区）", "是否截图", "备注"],
        ]
        for number in 1...16 {
            let person = people.person(villages: ["云溪社区", "竹林村"])
            let idNumber = number % 4 == 1 ? "'" + person.idNumber : person.idNumber
            let phone = number % 3 == 0 ? "（+86）\(person.phone.prefix(3)) \(person.phone.dropFirst(3).prefix(4)) \(person.phone.suffix(4))" : person.phone
            let screenshot = number % 7 == 0 ? "否" : "是"
            rows.append(["\(number)", person.name, idNumber, phone, person.village, screenshot, ""])
        }
        rows.append(["合计：16人", "", "", "", "", "", ""])
        rows.append(["填报人：赵某某", "", "审核人：钱某某", "", "联系电话：0839-5551234", "", ""])
        return rows
    }

    /// 白沙镇's list by village: a hidden dropdown sheet first, two village sheets, a sheet of invalid screenshots.
    mutating func villageWorkbook() -> [SampleSheet] {
        var sheets = [SampleSheet(name: "下拉选项", rows: [["截图情况"], ["有"], ["无"]], hidden: true)]
        for village in ["白沙社区", "河坝村"] {
            var rows = [
                ["白沙镇\(village)国家反诈中心APP注册名单（截至2026年11月30日）"],
                ["序号", "姓名", "身份证号", "手机号码", "截图情况"],
            ]
            for number in 1...8 {
                let person = people.person(villages: [village])
                rows.append(["\(number)", person.name, person.idNumber, person.phone, number == 5 ? "无" : "有"])
            }
            rows.append(["填 报 人：李某某", "", "", "审核人：王某某", ""])
            sheets.append(SampleSheet(name: village, rows: rows, mergedTitle: true))
        }
        let rejected = people.person(villages: ["河坝村"])
        sheets.append(
            SampleSheet(
                name: "无效截图",
                rows: [["序号", "姓名", "身份证号", "手机号码", "截图情况"], ["1", rejected.name, rejected.idNumber, rejected.phone, "无"]]))
        return sheets
    }
}
