import RegTrackerCore

/// Fictional residents: made-up names, ID numbers with a correct check character, mobile numbers.
struct FictionalPerson {
    var name: String
    var idNumber: String
    var phone: String
    var village: String
}

struct FictionalPeople {
    var random: SeededRandom

    private static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程")
    private static let givenCharacters = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌鹏飞宇婷雪琳晨浩然欣怡梓涵")
    /// Region codes of a fictional county (the first six digits of its residents' ID numbers).
    private static let regionCodes = ["513921", "513922", "513923"]

    mutating func person(villages: [String]) -> FictionalPerson {
        let surname = Self.surnames.randomElement(using: &random)!
        let given = (0..<Int.random(in: 1...2, using: &random)).map { _ in Self.givenCharacters.randomElement(using: &random)! }
        return FictionalPerson(
            name: String(surname) + String(given), idNumber: idNumber(), phone: phone(),
            village: villages.randomElement(using: &random)!)
    }

    mutating func idNumber() -> String {
        let birth = CivilDate(daysSinceEpoch: Int.random(in: -18_000...12_000, using: &random))
        let region = Self.regionCodes.randomElement(using: &random)!
        let sequence = Int.random(in: 0...999, using: &random)
        var digits = region + pad(birth.year, 4) + pad(birth.month, 2) + pad(birth.day, 2) + pad(sequence, 3)
        digits.append(IDNumber.checkCharacter(for: Array(digits.utf8)))
        return digits
    }

    mutating func phone() -> String {
        let prefixes = ["138", "139", "150", "151", "158", "177", "180", "186", "188", "199"]
        return prefixes.randomElement(using: &random)! + pad(Int.random(in: 0...99_999_999, using: &random), 8)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
