import Foundation

/// Writes large, valid fictional registration lists for the crash and concurrency tests.
enum LargeList {
    static let townships = ["青石镇", "白沙镇", "龙泉街道", "桃源乡"]

    static func roster(in folder: String) throws -> String {
        let text = "乡镇,实有人口\n" + townships.map { "\($0),1000000" }.joined(separator: "\n") + "\n"
        return try write(text, to: folder + "/roster.csv")
    }

    /// `rows` rows with distinct people numbered from `first`, so that separate lists never share a person.
    static func write(rows: Int, first: Int = 0, to path: String) throws -> String {
        var text = "某县注册名单\n序号,姓名,乡镇,身份证号码,手机号码,截图核验\n"
        text.reserveCapacity(rows * 64)
        for index in first..<(first + rows) {
            let id = idNumber(index)
            let phone = "13" + String(format: "%09d", index)
            let verdict = index % 50 == 0 ? "无效" : "有效"
            text += "\(index),居民\(index % 1000),\(townships[index % townships.count]),\(id),\(phone),\(verdict)\n"
        }
        return try write(text, to: path)
    }

    /// A valid 18-digit ID number for person `index` (birth dates 1950–2000, correct check character).
    static func idNumber(_ index: Int) -> String {
        let year = 1950 + index % 50
        let month = 1 + (index / 50) % 12
        let day = 1 + (index / 600) % 28
        let sequence = (index / 16_800) % 1000
        let body = "513921" + String(format: "%04d%02d%02d%03d", year, month, day, sequence)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body.compactMap(\.wholeNumberValue), weights).reduce(0) { $0 + $1.0 * $1.1 }
        return body + String(Array("10X98765432")[sum % 11])
    }

    private static func write(_ text: String, to path: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
