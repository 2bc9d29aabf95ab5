import RegTrackerCore
import Testing

@Suite struct StoredRawTests {
    /// Columns 1 to 4 are name, township, ID number and phone; the row stores these values.
    let columns: [StoredRaw.Column?] = [nil, .name, .township, .idNumber, .phone]
    let values: [StoredRaw.Column: String] = [
        .name: "张三", .township: "青石镇", .idNumber: "11010519491231002X", .phone: "13812345678",
    ]

    func encode(_ cells: [Cell]) -> String {
        StoredRaw.encode(cells, column: { $0 < columns.count ? columns[$0] : nil }, value: { values[$0] })
    }

    func decode(_ stored: String) -> [String] { StoredRaw.cells(stored, value: { values[$0] }) }

    @Test func aCellReceivedAsItsColumnStoresItIsWrittenAsAReference() {
        let cells: [Cell] = [.text("1"), .text("张三"), .text("青石镇"), .text("11010519491231002X"), .text("13812345678"),
            .text("有效")]
        let stored = encode(cells)
        #expect(stored == "1\u{1F}\u{1E}N\u{1F}\u{1E}T\u{1F}\u{1E}I\u{1F}\u{1E}P\u{1F}有效")
        #expect(decode(stored) == ["1", "张三", "青石镇", "11010519491231002X", "13812345678", "有效"])
    }

    @Test func aCellThatDiffersFromItsColumnByAByteIsKeptAsReceived() {
        // Spaces trimmed, a lower-case x, a phone with a space: the columns hold the cleaned values, the cells not.
        let cells: [Cell] = [.text("2"), .text(" 张三"), .text("青石镇 "), .text("11010519491231002x"),
            .text("138 1234 5678")]
        let stored = encode(cells)
        #expect(stored == "2\u{1F} 张三\u{1F}青石镇 \u{1F}11010519491231002x\u{1F}138 1234 5678")
        #expect(decode(stored) == ["2", " 张三", "青石镇 ", "11010519491231002x", "138 1234 5678"])
    }

    @Test func aCellBeginningWithTheMarkIsEscapedAndComesBackAsReceived() {
        let cells: [Cell] = [.text("\u{1E}N"), .text("\u{1E}"), .empty, .text("\u{1E}\u{1E}x"), .number(5)]
        let stored = encode(cells)
        #expect(stored == "\u{1E}\u{1E}N\u{1F}\u{1E}\u{1E}\u{1F}\u{1F}\u{1E}\u{1E}\u{1E}x\u{1F}5")
        #expect(decode(stored) == ["\u{1E}N", "\u{1E}", "", "\u{1E}\u{1E}x", "5"])
    }

    @Test func emptyCellsAndColumnsWithNothingStoredAreNotReferences() {
        let values: [StoredRaw.Column: String] = [.name: ""]
        let stored = StoredRaw.encode([.empty, .empty, .text("青石镇")], column: { [nil, .name, .township][$0] }) {
            values[$0]
        }
        #expect(stored == "\u{1F}\u{1F}青石镇")
        #expect(StoredRaw.cells(stored, value: { values[$0] }) == ["", "", "青石镇"])
    }

    @Test func aNULIsNotKept() {
        #expect(encode([.text("a\u{0}b"), .text("张三")]) == "ab\u{1F}\u{1E}N")
    }

    @Test func aRowStoredBeforeReferencesReadsBackAsItWas() {
        #expect(decode("1\u{1F}张三\u{1F}青石镇") == ["1", "张三", "青石镇"])
    }
}
