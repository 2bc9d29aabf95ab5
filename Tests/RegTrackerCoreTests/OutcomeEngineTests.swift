import Testing

@testable import RegTrackerCore

/// SPEC 2: one outcome a row, by the first rule that applies, as a pure function of roster, rows and invalid lists.
@Suite("Outcome rules")
struct OutcomeEngineTests {
    static let roster = Given.roster("青石镇", "城关镇", "河口镇")
    static let qingshi = 0
    static let chengguan = 1
    static let hekou = 2

    static let idA = "11010519491231002X"
    static let idB = "110105199003071239"
    static let idC = "110101198511124560"
    static let phoneA = "13800138000"
    static let phoneB = "13900139000"
    static let phoneC = "13700137000"

    /// Decides `rows` in order, numbering them 1, 2, 3… unless ids are given.
    static func decide(_ rows: [RowFacts], ids: [Int64]? = nil, entries: [InvalidEntry] = [], roster: Roster = roster)
        throws -> [Outcome]
    {
        var engine = OutcomeEngine(roster: roster, invalidEntries: entries)
        let ids = ids ?? rows.indices.map { Int64($0 + 1) }
        return try zip(ids, rows).map { try engine.decide(row: $0, facts: $1) }
    }

    static func entry(_ id: Int64, township: String? = nil, idNumber: String? = nil, phone: String? = nil)
        -> InvalidEntry
    {
        InvalidEntry(
            id: id, townshipKey: township.map(Roster.key), idKey: idNumber.map(Given.idKey),
            phoneKey: phone.map(Given.phoneKey))
    }

    // MARK: each rule

    @Test("a row with a valid ID number or phone in a roster township is valid")
    func valid() throws {
        let outcomes = try Self.decide([
            Given.facts(township: "青石镇", id: Self.idA),
            Given.facts(township: "城关镇", phone: Self.phoneB),
            Given.facts(township: "河口 镇", id: Self.idC, phone: Self.phoneC),
        ])
        #expect(
            outcomes == [
                Outcome(kind: .valid, township: Self.qingshi), Outcome(kind: .valid, township: Self.chengguan),
                Outcome(kind: .valid, township: Self.hekou),
            ])
    }

    @Test("a township not in the roster leaves the row unassigned, with the closest name as a suggestion")
    func unassigned() throws {
        let outcome = try Self.decide([Given.facts(township: "青石乡", id: Self.idA)])[0]
        #expect(outcome.kind == .unassigned)
        #expect(outcome.township == nil)
        #expect(outcome.englishReason == "township \"青石乡\" is not in the roster; did you mean \"青石镇\"?")
    }

    @Test("an empty township cell leaves the row unassigned and says how to fix it")
    func emptyTownship() throws {
        let outcome = try Self.decide([Given.facts(township: "", id: Self.idA)])[0]
        #expect(outcome.kind == .unassigned)
        #expect(outcome.reasons == [.townshipMissing])
        #expect(outcome.englishReason?.contains("--township") == true)
    }

    @Test(
        "a row whose own values are wrong is malformed, with a reason naming the field",
        arguments: [
            (Given.facts(township: "青石镇", name: "", id: OutcomeEngineTests.idA), "name (姓名) is missing"),
            (Given.facts(township: "青石镇", id: "110105194912310021"), "ID number check digit is wrong"),
            (
                Given.facts(township: "青石镇", id: OutcomeEngineTests.idA, phone: "12345678901"),
                "phone number is not an 11-digit mobile number starting 13–19"
            ),
            (Given.facts(township: "青石镇", id: OutcomeEngineTests.idA, verdict: "待定"), "unrecognised verdict (截图核验)"),
            (
                Given.facts(township: "青石镇"),
                "no valid unmasked ID number or phone, so the person cannot be told apart"
            ),
            (
                Given.facts(township: "青石镇", id: "510102********1234", phone: "138****5678"),
                "no valid unmasked ID number or phone, so the person cannot be told apart"
            ),
            (
                Given.facts(township: "青石镇", name: "", id: "5.10102E+17"),
                "name (姓名) is missing; ID number stored as a number; digits lost"
            ),
        ])
    func malformed(facts: RowFacts, reason: String) throws {
        let outcomes = try Self.decide([facts])
        #expect(outcomes.map(\.kind) == [.malformed])
        #expect(outcomes.map(\.township) == [Self.qingshi])
        #expect(outcomes.map(\.englishReason) == [reason])
    }

    @Test("a masked ID number with a valid phone is enough to tell the person apart")
    func maskedWithValidPhone() throws {
        let outcome = try Self.decide([Given.facts(township: "青石镇", id: "510102********1234", phone: Self.phoneA)])[0]
        #expect(outcome.kind == .valid)
    }

    @Test("a row whose verdict is an invalid word is flagged", arguments: ["无效", "否", "×", "N", "false", "0"])
    func flagged(verdict: String) throws {
        let outcomes = try Self.decide([Given.facts(township: "青石镇", id: Self.idA, verdict: verdict)])
        #expect(outcomes == [Outcome(kind: .flagged, township: Self.qingshi)])
    }

    @Test("a row whose ID number or phone is on an invalid list is listed, referring to the entry")
    func listed() throws {
        let entries = [Self.entry(7, idNumber: Self.idA), Self.entry(8, phone: Self.phoneB)]
        let outcomes = try Self.decide(
            [
                Given.facts(township: "青石镇", id: Self.idA),
                Given.facts(township: "城关镇", id: Self.idC, phone: Self.phoneB),
                Given.facts(township: "河口镇", id: Self.idB),
            ], entries: entries)
        #expect(
            outcomes == [
                Outcome(kind: .listed, township: Self.qingshi, reference: 7),
                Outcome(kind: .listed, township: Self.chengguan, reference: 8),
                Outcome(kind: .valid, township: Self.hekou),
            ])
    }

    @Test("a row matching two entries refers to the earliest entry")
    func listedEarliestEntry() throws {
        let entries = [Self.entry(9, phone: Self.phoneA), Self.entry(4, idNumber: Self.idA)]
        let outcome = try Self.decide([Given.facts(township: "青石镇", id: Self.idA, phone: Self.phoneA)], entries: entries)[0]
        #expect(outcome == Outcome(kind: .listed, township: Self.qingshi, reference: 4))
    }

    @Test("a row repeating the ID number or phone of an earlier valid row is a duplicate of it")
    func duplicate() throws {
        let outcomes = try Self.decide([
            Given.facts(township: "青石镇", id: Self.idA, phone: Self.phoneA),
            Given.facts(township: "青石镇", id: Self.idA),
            Given.facts(township: "青石镇", phone: Self.phoneA),
            Given.facts(township: "青石镇", id: "11010519491231002x", phone: Self.phoneB),
        ])
        #expect(
            outcomes == [
                Outcome(kind: .valid, township: Self.qingshi),
                Outcome(kind: .duplicate, township: Self.qingshi, reference: 1),
                Outcome(kind: .duplicate, township: Self.qingshi, reference: 1),
                Outcome(kind: .duplicate, township: Self.qingshi, reference: 1),
            ])
    }

    @Test("a 15-digit and an 18-digit spelling of one ID number are the same person")
    func fifteenAndEighteenDigitsAreOnePerson() throws {
        let outcomes = try Self.decide([
            Given.facts(township: "青石镇", id: "130503670401001"),
            Given.facts(township: "城关镇", id: "130503196704010016"),
        ])
        #expect(outcomes[1] == Outcome(kind: .duplicate, township: Self.chengguan, reference: 1))
    }

    @Test("a row matching two earlier valid rows refers to the earlier of them")
    func duplicateOfTheEarliest() throws {
        let outcomes = try Self.decide(
            [
                Given.facts(township: "青石镇", id: Self.idA),
                Given.facts(township: "青石镇", phone: Self.phoneB),
                Given.facts(township: "青石镇", id: Self.idA, phone: Self.phoneB),
            ], ids: [10, 20, 30])
        #expect(outcomes[2] == Outcome(kind: .duplicate, township: Self.qingshi, reference: 10))
        let reversed = try Self.decide(
            [
                Given.facts(township: "青石镇", phone: Self.phoneB),
                Given.facts(township: "青石镇", id: Self.idA),
                Given.facts(township: "青石镇", id: Self.idA, phone: Self.phoneB),
            ], ids: [10, 20, 30])
        #expect(reversed[2] == Outcome(kind: .duplicate, township: Self.qingshi, reference: 10))
    }

    // MARK: the order of the rules

    @Test("an unknown township comes before a malformed row")
    func unassignedBeforeMalformed() throws {
        let outcome = try Self.decide([Given.facts(township: "不存在镇", name: "", id: "123")])[0]
        #expect(outcome.kind == .unassigned)
    }

    @Test("a malformed row comes before a flagged verdict")
    func malformedBeforeFlagged() throws {
        let outcome = try Self.decide([Given.facts(township: "青石镇", name: "", id: Self.idA, verdict: "无效")])[0]
        #expect(outcome == Outcome(kind: .malformed, township: Self.qingshi, reasons: [.nameMissing]))
    }

    @Test("a flagged verdict comes before an invalid-list entry")
    func flaggedBeforeListed() throws {
        let row = Given.facts(township: "青石镇", id: Self.idA, verdict: "无效")
        let outcomes = try Self.decide([row], entries: [Self.entry(1, idNumber: Self.idA)])
        #expect(outcomes == [Outcome(kind: .flagged, township: Self.qingshi)])
    }

    @Test("an invalid-list entry comes before a duplicate")
    func listedBeforeDuplicate() throws {
        // Given a valid row, then a row with its ID number whose phone is on the invalid list
        let outcomes = try Self.decide(
            [
                Given.facts(township: "青石镇", id: Self.idA, phone: Self.phoneA),
                Given.facts(township: "青石镇", id: Self.idA, phone: Self.phoneB),
            ], entries: [Self.entry(5, phone: Self.phoneB)])
        // Then the second row is listed, not a duplicate
        #expect(
            outcomes == [
                Outcome(kind: .valid, township: Self.qingshi),
                Outcome(kind: .listed, township: Self.qingshi, reference: 5),
            ])
    }

    @Test("a row on an invalid list of another township is a duplicate, not listed")
    func duplicateWhenListedElsewhere() throws {
        let outcomes = try Self.decide(
            [Given.facts(township: "青石镇", id: Self.idA), Given.facts(township: "青石镇", id: Self.idA)],
            entries: [Self.entry(5, township: "城关镇", idNumber: Self.idA)])
        #expect(outcomes.map(\.kind) == [.valid, .duplicate])
    }

    // MARK: duplicates and what counts as the earlier row

    @Test("a duplicate across townships counts for the earlier row; the later one names it")
    func duplicateAcrossTownships() throws {
        let outcomes = try Self.decide(
            [
                Given.facts(township: "青石镇", id: Self.idA),
                Given.facts(township: "城关镇", id: Self.idA, phone: Self.phoneC),
            ],
            ids: [101, 205])
        #expect(
            outcomes == [
                Outcome(kind: .valid, township: Self.qingshi),
                Outcome(kind: .duplicate, township: Self.chengguan, reference: 101),
            ])
    }

    @Test("a row repeating a flagged row is valid: only valid rows claim a person")
    func duplicateOfFlaggedIsValid() throws {
        let outcomes = try Self.decide([
            Given.facts(township: "青石镇", id: Self.idA, verdict: "无效"),
            Given.facts(township: "城关镇", id: Self.idA),
            Given.facts(township: "城关镇", id: Self.idA),
        ])
        #expect(outcomes.map(\.kind) == [.flagged, .valid, .duplicate])
        #expect(outcomes[2].reference == 2)
    }

    @Test("a row repeating a malformed row is valid")
    func duplicateOfMalformedIsValid() throws {
        // Given a row with a valid ID number but a wrong phone, then the corrected row
        let outcomes = try Self.decide([
            Given.facts(township: "青石镇", id: Self.idA, phone: "12345678901"),
            Given.facts(township: "青石镇", id: Self.idA, phone: Self.phoneA),
        ])
        #expect(outcomes.map(\.kind) == [.malformed, .valid])
    }

    @Test("a row repeating an unassigned row is valid")
    func duplicateOfUnassignedIsValid() throws {
        let outcomes = try Self.decide([
            Given.facts(township: "青石乡", id: Self.idA), Given.facts(township: "青石镇", id: Self.idA),
        ])
        #expect(outcomes.map(\.kind) == [.unassigned, .valid])
    }

    @Test("a listed row does not claim its person: a later row with the same ID number but another phone is valid")
    func listedRowFreesItsKey() throws {
        let outcomes = try Self.decide(
            [
                Given.facts(township: "青石镇", id: Self.idA, phone: Self.phoneB),
                Given.facts(township: "青石镇", id: Self.idA, phone: Self.phoneA),
            ], entries: [Self.entry(1, phone: Self.phoneB)])
        #expect(outcomes.map(\.kind) == [.listed, .valid])
    }

    @Test("masked values are never keys: two rows with the same masked ID number and different phones are both valid")
    func maskedNeverAKey() throws {
        let outcomes = try Self.decide([
            Given.facts(township: "青石镇", id: "510102********1234", phone: Self.phoneA),
            Given.facts(township: "青石镇", id: "510102********1234", phone: Self.phoneB),
            Given.facts(township: "青石镇", id: Self.idA, phone: "138****8000"),
            Given.facts(township: "青石镇", id: Self.idB, phone: "138****8000"),
        ])
        #expect(outcomes.map(\.kind) == [.valid, .valid, .valid, .valid])
    }

    @Test("a masked value is never matched against an invalid list")
    func maskedNeverListed() throws {
        let registration = Given.registration(township: "青石镇", id: "110105********002X", phone: Self.phoneB)
        #expect(RowFacts(registration).idKey == nil)
        let outcome = try Self.decide([RowFacts(registration)], entries: [Self.entry(1, idNumber: Self.idA)])[0]
        #expect(outcome.kind == .valid)
    }

    @Test("a sequence continued part-way remembers the valid rows before it")
    func rememberValid() throws {
        var engine = OutcomeEngine(roster: Self.roster, invalidEntries: [])
        try engine.rememberValid(row: 3, idKey: Given.idKey(Self.idA), phoneKey: nil)
        try engine.rememberValid(row: 9, idKey: Given.idKey(Self.idA), phoneKey: Given.phoneKey(Self.phoneA))
        #expect(try engine.decide(row: 12, facts: Given.facts(township: "河口镇", id: Self.idA)).reference == 3)
        #expect(try engine.decide(row: 13, facts: Given.facts(township: "河口镇", phone: Self.phoneA)).reference == 9)
    }

    // MARK: invalid lists

    @Test("a township's invalid entry applies to that township's rows only")
    func townshipSpecificEntry() throws {
        let entries = [
            Self.entry(1, township: "城关镇", idNumber: Self.idA), Self.entry(2, township: "城关 镇", phone: Self.phoneB),
        ]
        let outcomes = try Self.decide(
            [
                Given.facts(township: "青石镇", id: Self.idA),
                Given.facts(township: "城关镇", id: Self.idA),
                Given.facts(township: "河口镇", phone: Self.phoneB),
                Given.facts(township: "城关镇", phone: Self.phoneB),
            ], entries: entries)
        #expect(
            outcomes == [
                Outcome(kind: .valid, township: Self.qingshi),
                Outcome(kind: .listed, township: Self.chengguan, reference: 1),
                Outcome(kind: .valid, township: Self.hekou),
                Outcome(kind: .listed, township: Self.chengguan, reference: 2),
            ])
    }

    @Test("an entry naming a township by its alias applies to that township")
    func entryByAlias() throws {
        let roster = Roster(townships: [
            Township(name: "青石镇", population: 1), Township(name: "城关镇", population: 1, aliases: ["城关街道"]),
        ])
        let outcomes = try Self.decide(
            [Given.facts(township: "城关镇", id: Self.idA)],
            entries: [Self.entry(1, township: "城关街道", idNumber: Self.idA)],
            roster: roster)
        #expect(outcomes.map(\.kind) == [.listed])
    }

    @Test("an entry naming a township that is not in the roster applies to no row")
    func entryForUnknownTownship() throws {
        let outcomes = try Self.decide(
            [Given.facts(township: "青石镇", id: Self.idA)], entries: [Self.entry(1, township: "不存在镇", idNumber: Self.idA)]
        )
        #expect(outcomes.map(\.kind) == [.valid])
    }

    @Test("an entry with an empty township applies to every township")
    func entryWithEmptyTownship() throws {
        let entries = [InvalidEntry(id: 1, townshipKey: "", idKey: Given.idKey(Self.idA), phoneKey: nil)]
        let outcomes = try Self.decide([Given.facts(township: "河口镇", id: Self.idA)], entries: entries)
        #expect(outcomes.map(\.kind) == [.listed])
    }

    // MARK: order independence

    static let sequence: [RowFacts] = [
        Given.facts(township: "青石镇", id: idA, phone: phoneA),
        Given.facts(township: "城关镇", id: idA),
        Given.facts(township: "城关镇", id: idB, phone: phoneA),
        Given.facts(township: "河口镇", id: idB, phone: phoneB),
        Given.facts(township: "河口镇", id: idC, phone: phoneC, verdict: "无效"),
        Given.facts(township: "青石镇", id: idC),
        Given.facts(township: "青石镇", phone: phoneC),
    ]

    @Test("the outcomes do not depend on the order in which invalid entries arrive")
    func entryOrderDoesNotMatter() throws {
        let entries = [
            Self.entry(1, idNumber: Self.idA), Self.entry(2, township: "河口镇", phone: Self.phoneB),
            Self.entry(3, phone: Self.phoneC), Self.entry(4, township: "青石镇", idNumber: Self.idC),
        ]
        let expected = try Self.decide(Self.sequence, entries: entries)
        for permutation in [Array(entries.reversed()), [entries[2], entries[0], entries[3], entries[1]]] {
            #expect(try Self.decide(Self.sequence, entries: permutation) == expected)
        }
        #expect(
            expected.map(\.kind) == [.listed, .listed, .valid, .listed, .flagged, .listed, .listed])
    }

    @Test("an invalid list imported before or after the rows gives the same outcomes")
    func listBeforeOrAfterRows() throws {
        // Given the same entries numbered before the rows (1, 2) or after them (1001, 1002)
        let before = [Self.entry(1, idNumber: Self.idA), Self.entry(2, phone: Self.phoneB)]
        let after = [Self.entry(1001, idNumber: Self.idA), Self.entry(1002, phone: Self.phoneB)]
        let ids: [Int64] = [101, 102, 103, 104, 105, 106, 107]
        // When the rows are decided with either
        let early = try Self.decide(Self.sequence, ids: ids, entries: before)
        let late = try Self.decide(Self.sequence, ids: ids, entries: after)
        // Then every row has the same outcome in the same township
        #expect(early.map(\.kind) == late.map(\.kind))
        #expect(early.map(\.township) == late.map(\.township))
        #expect(
            early.filter { $0.kind == .duplicate }.map(\.reference)
                == late.filter { $0.kind == .duplicate }.map(\.reference))
    }

    @Test("an invalid list re-decides the rows it frees: a former duplicate becomes valid")
    func invalidListFreesLaterRows() throws {
        // Given rows decided without any invalid list
        let without = try Self.decide(Self.sequence)
        #expect(without.map(\.kind) == [.valid, .duplicate, .duplicate, .valid, .flagged, .valid, .valid])
        // When the first row's ID number is listed
        let with = try Self.decide(Self.sequence, entries: [Self.entry(1, idNumber: Self.idA)])
        // Then the first two rows are listed, the third, no longer repeating a valid row, is valid,
        // and the fourth now repeats the third
        #expect(with.map(\.kind) == [.listed, .listed, .valid, .duplicate, .flagged, .valid, .valid])
        #expect(with[3].reference == 3)
    }

    @Test("deciding the same sequence twice gives the same outcomes")
    func deterministic() throws {
        let entries = [Self.entry(1, phone: Self.phoneB)]
        let first = try Self.decide(Self.sequence, entries: entries)
        #expect(try Self.decide(Self.sequence, entries: entries) == first)
    }
}
