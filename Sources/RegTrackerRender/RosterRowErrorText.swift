import RegTrackerCore

/// Why a roster row cannot be a township, in the language passed in.
public enum RosterRowErrorText {
    public static func text(_ error: RosterRowError, in language: Language) -> String {
        language.pick(
            "row \(error.row): \(problem(error.problem, in: language)); correct the roster and import it again",
            "第 \(error.row) 行：\(problem(error.problem, in: language))；请改正人口底数后重新导入")
    }

    public static func problem(_ problem: RosterRowError.Problem, in language: Language) -> String {
        switch problem {
        case .noPopulation(let name): language.pick("\(name) has no population (实有人口)", "\(name)没有填写实有人口")
        case .badPopulation(let name, let raw):
            language.pick(
                "\(name) has population \"\(raw)\", which is not a whole number from 0 to 10,000,000,000",
                "\(name)的实有人口“\(raw)”不是 0 至 100 亿之间的整数")
        case .badTarget(let name, let raw):
            language.pick(
                "\(name) has target \"\(raw)\"; a target must lie above 0% and at most 100%, with at most 6 decimals "
                    + "as a percentage or 8 as a fraction (55%, 0.55 or 55)",
                "\(name)的目标“\(raw)”有误；目标应大于 0% 且不超过 100%，百分数小数不超过 6 位、小数形式不超过 8 位"
                    + "（如 55%、0.55 或 55）")
        case .nameUsedTwice(let name, let owner):
            language.pick(
                "\"\(name)\" is already used by \(owner); each name and alias must be unique",
                "“\(name)”已被\(owner)使用；每个名称和别名只能用一次")
        case .villageNameUsedTwice(let name, let township, let owner, let ownerRow):
            language.pick(
                "village \"\(name)\" of \(township) is the same village as \(owner) (row \(ownerRow)) once 村, 社区, 村委会 "
                    + "or 居委会 is ignored; give them distinct names",
                "\(township)的村（社区）“\(name)”去掉村、社区、村委会、居委会等后缀后与第 \(ownerRow) 行的\(owner)同名；请改用能区分的名称")
        case .noCounty(let name):
            language.pick(
                "\(name) has no county (县), and no row above it names one; fill in its county",
                "\(name)没有填写县（区），上方也没有行填写；请补填所属县（区）")
        case .noTownship(let village):
            language.pick(
                "village \(village) has no township, and no row above it names one; fill in its township",
                "村（社区）\(village)没有填写乡镇，上方也没有行填写；请补填所属乡镇")
        }
    }
}

extension RosterRowError: CustomStringConvertible {
    /// The problem in English, without the row.
    public var message: String { RosterRowErrorText.problem(problem, in: .english) }

    public var description: String { RosterRowErrorText.text(self, in: .english) }
}
