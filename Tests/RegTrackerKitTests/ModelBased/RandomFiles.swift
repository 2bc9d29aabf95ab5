import Foundation
import RegTrackerCore

/// Small CSV files for the model-based test, drawn from a seeded generator: registration lists with duplicates
/// within and across files and townships, malformed and masked IDs and phones, flagged rows, unknown and empty
/// townships and totals lines; rosters that add, drop and rename townships and change populations and aliases;
/// invalid lists for one township or all. Each file comes with what the model needs to know of it.
struct RandomFiles {
    var random: SeededRandom
    let people: [Person]
    let today: CivilDate

    /// A fictional person: a valid 18-digit ID number, the same number in its 15-digit first-generation form, a phone.
    struct Person {
        var id18: String
        var id15: String
        var phone: String
    }

    /// A township of the county as the generator knows it: its name, the name it may be renamed to (then the old
    /// name stays as an alias), and a short alias.
    struct Place {
        var name: String
        var renamed: String
        var short: String
    }

    static let places = [
        Place(name: "青石镇", renamed: "青石街道", short: "青石"),
        Place(name: "白沙镇", renamed: "白沙街道", short: "白沙"),
        Place(name: "城关镇", renamed: "城关街道", short: "城关"),
        Place(name: "河口乡", renamed: "河口镇", short: "河口"),
        Place(name: "新华街道", renamed: "新华镇", short: "新华"),
        Place(name: "龙泉镇", renamed: "龙泉街道", short: "龙泉"),
        Place(name: "东山乡", renamed: "东山镇", short: "东山"),
        Place(name: "西岭镇", renamed: "西岭街道", short: "西岭"),
    ]

    /// Township cells as clerks write them: names, old names, aliases, stray spaces, names no roster has, nothing.
    static let townshipCells: [String] =
        places.flatMap { [$0.name, $0.name, $0.renamed, $0.short] } + ["青 石镇", "白沙 镇", "石青镇", "不存在乡", ""]

    init(seed: UInt64, people count: Int = 40, today: CivilDate) {
        random = SeededRandom(seed: seed)
        self.today = today
        var people: [Person] = []
        for _ in 0..<count {
            let region = ["110105", "510104", "330106"].randomElement(using: &random)!
            let year = Int.random(in: 1950...1999, using: &random)
            let date = String(
                format: "%02d%02d", Int.random(in: 1...12, using: &random), Int.random(in: 1...28, using: &random))
            let sequence = String(format: "%03d", Int.random(in: 0...999, using: &random))
            let first17 = region + String(year) + date + sequence
            let id18 = first17 + String(IDNumber.checkCharacter(for: Array(first17.utf8)))
            let id15 = region + String(format: "%02d", year % 100) + date + sequence
            let phone =
                "1" + String(Int.random(in: 3...9, using: &random))
                + String(format: "%09d", Int.random(in: 0...999_999_999, using: &random))
            people.append(Person(id18: id18, id15: id15, phone: phone))
        }
        self.people = people
    }

    // MARK: registration lists

    static let registrationHeader = "姓名,乡镇,身份证号码,手机号码,截图核验"

    /// A registration list of up to `maxRows` data rows; `facts` has one entry a stored row, in file order.
    mutating func registrationList(maxRows: Int = 12) -> (bytes: Data, facts: [RowFacts], skipped: Int) {
        var lines = [Self.registrationHeader]
        var facts: [RowFacts] = []
        var skipped = 0
        // Most lists are one township's; some mix townships.
        let home = Self.townshipCells.randomElement(using: &random)!
        for _ in 0..<Int.random(in: 0...maxRows, using: &random) {
            let township = chance(0.75) ? home : Self.townshipCells.randomElement(using: &random)!
            let (line, rowFacts) = registrationRow(township: township)
            lines.append(line)
            if let rowFacts { facts.append(rowFacts) } else { skipped += 1 }
        }
        if chance(0.15) {
            lines.append("合计：\(facts.count)人,,,,")
            skipped += 1
        }
        return (Data((lines.joined(separator: chance(0.5) ? "\n" : "\r\n") + "\n").utf8), facts, skipped)
    }

    /// One row and its facts as SPEC 2 reads them (nil: a blank line, which the import skips).
    private mutating func registrationRow(township: String) -> (String, RowFacts?) {
        let person = people.randomElement(using: &random)!
        let name = chance(0.05) ? "" : "某人\(Int.random(in: 1...99, using: &random))号"
        let id = idCell(of: person)
        // A row now and then carries another person's phone: duplicates by one key only.
        let phone = phoneCell(of: chance(0.1) ? people.randomElement(using: &random)! : person)
        let verdict = ["", "", "", "有效", "是", "无效", "否", "待定"].randomElement(using: &random)!
        let line = [name, township, id.text, phone.text, verdict].joined(separator: ",")
        if name.isEmpty, !id.value.isPresent, !phone.value.isPresent { return (line, nil) }
        // SPEC 2 rule 2, from what the generator wrote.
        let malformed =
            name.isEmpty || Self.isMalformed(id.value) || Self.isMalformed(phone.value) || verdict == "待定"
            || (id.value.key == nil && phone.value.key == nil)
        let facts = RowFacts(
            townshipKey: Roster.key(township), problems: malformed ? [.nameMissing] : [],
            isFlagged: verdict == "无效" || verdict == "否", idKey: id.value.key, phoneKey: phone.value.key)
        return (line, facts)
    }

    /// An ID cell: the valid number in one of its spellings, masked, with a wrong check character, or empty. Its
    /// key comes from Core's normalisation; whether it is valid, masked or malformed is what the generator meant.
    private mutating func idCell(of person: Person) -> (text: String, value: KeyedValue) {
        let text: String
        let meant: KeyedValue
        switch Int.random(in: 0..<20, using: &random) {
        case 0..<8: (text, meant) = (person.id18, .valid(person.id18, key: 0))
        case 8..<10: (text, meant) = (person.id18.lowercased(), .valid(person.id18, key: 0))
        case 10..<12: (text, meant) = (person.id15, .valid(person.id18, key: 0))
        case 12: (text, meant) = ("'" + person.id18, .valid(person.id18, key: 0))
        case 13:
            (text, meant) = (String(person.id18.prefix(6)) + "********" + String(person.id18.suffix(4)), .masked(""))
        case 14:
            let wrong: Character = person.id18.last == "0" ? "1" : "0"
            (text, meant) = (String(person.id18.dropLast()) + String(wrong), .malformed(.idCheckDigit, received: ""))
        default: (text, meant) = ("", .absent)
        }
        return (text, Self.confirmed(IDNumber.parse(text: text, today: today), meant: meant, text: text))
    }

    private mutating func phoneCell(of person: Person) -> (text: String, value: KeyedValue) {
        let text: String
        let meant: KeyedValue
        let phone = person.phone
        switch Int.random(in: 0..<20, using: &random) {
        case 0..<9: (text, meant) = (phone, .valid(phone, key: 0))
        case 9: (text, meant) = ("+86 \(phone.prefix(3)) \(phone.dropFirst(3))", .valid(phone, key: 0))
        case 10: (text, meant) = (String(phone.prefix(3)) + "****" + String(phone.suffix(4)), .masked(""))
        case 11: (text, meant) = (String(phone.prefix(7)), .malformed(.phoneNotMobile, received: ""))
        default: (text, meant) = ("", .absent)
        }
        return (text, Self.confirmed(Phone.parse(text: text), meant: meant, text: text))
    }

    /// Core's reading of a cell, checked against what the generator meant (a generator bug must not pass for a
    /// store bug).
    private static func confirmed(_ parsed: KeyedValue, meant: KeyedValue, text: String) -> KeyedValue {
        switch (parsed, meant) {
        case (.valid, .valid), (.masked, .masked), (.malformed, .malformed), (.absent, .absent): return parsed
        default: preconditionFailure("the generator meant \(meant) for \"\(text)\", Core reads \(parsed)")
        }
    }

    private static func isMalformed(_ value: KeyedValue) -> Bool {
        if case .malformed = value { true } else { false }
    }

    /// Bytes no header can be found in: the import rejects the file whole.
    mutating func unreadableList() -> Data {
        Data("这不是名单\n请见附件\(Int.random(in: 1...9, using: &random))\n".utf8)
    }

    // MARK: rosters

    /// A roster of some of the places, some renamed (their old name kept as an alias), some with a short alias.
    mutating func roster() -> (bytes: Data, townships: [Township]) {
        var places = Self.places.filter { _ in chance(0.75) }
        if places.isEmpty { places = [Self.places.randomElement(using: &random)!] }
        if chance(0.3) { places.shuffle(using: &random) }
        var lines = ["乡镇,实有人口,别名"]
        var townships: [Township] = []
        for place in places {
            let renamed = chance(0.15)
            var aliases = renamed ? [place.name] : []
            if chance(0.5) { aliases.append(place.short) }
            let population: Int64 = chance(0.05) ? 0 : Int64.random(in: 20...3000, using: &random)
            let name = renamed ? place.renamed : place.name
            lines.append("\(name),\(population),\(aliases.joined(separator: "、"))")
            townships.append(Township(name: name, population: population, aliases: aliases))
        }
        return (Data((lines.joined(separator: "\n") + "\n").utf8), townships)
    }

    // MARK: invalid lists

    /// An invalid list of 1–5 entries, some for one township only; `entries` without ids (the model numbers them).
    mutating func invalidList() -> (bytes: Data, entries: [(townshipKey: String?, idKey: Int64?, phoneKey: Int64?)]) {
        var lines = ["身份证号码,手机号码,乡镇,原因"]
        var entries: [(townshipKey: String?, idKey: Int64?, phoneKey: Int64?)] = []
        for _ in 0..<Int.random(in: 1...5, using: &random) {
            let person = people.randomElement(using: &random)!
            var id = chance(0.6) ? person.id18 : ""
            let phone = chance(0.5) ? person.phone : ""
            if id.isEmpty, phone.isEmpty { id = person.id18 }
            let township = chance(0.3) ? Self.townshipCells.randomElement(using: &random)! : ""
            lines.append("\(id),\(phone),\(township),截图重复使用")
            entries.append(
                (
                    township.isEmpty ? nil : Roster.key(township), IDNumber.parse(text: id, today: today).key,
                    Phone.parse(text: phone).key
                ))
        }
        return (Data((lines.joined(separator: "\n") + "\n").utf8), entries)
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }
}
