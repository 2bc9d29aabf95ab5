import Foundation
import GRDB
import RegTrackerCore
import RegTrackerStore
import Testing

/// SPEC 3: every row is stored with its raw values. A row's stored cells (`StoredRaw`) with the columns they refer
/// to give back every cell as the file had it.
@Suite struct StoredCellsTests {
    @Test func everyCellOfEveryStoredRowComesBackAsReceived() throws {
        let folder = NSTemporaryDirectory() + "regtracker-stored-cells-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inbox = try TestInbox(store: try SQLiteStore(path: folder + "/db.sqlite"))
        _ = try inbox.roster()
        let (ids, phones) = (TestInbox.ids, TestInbox.phones)
        let lines = [
            "1,张三,青石镇,\(ids[0]),\(phones[0]),河坝村,2026-03-28 09:42,有效,",
            // Cells the columns hold cleaned or normalised: kept as received.
            "2, 李四 ,青石 ,\(ids[1]) ,139 0013 9000,河坝村 ,2026/3/28 9:42,是,补录",
            "3,王五,白沙镇,\(ids[2].prefix(6))********\(ids[2].suffix(4)),\(phones[2]),,2026-03-28 09:42:15,,\u{1E}N",
            "4,赵六,白沙镇,１１０１０５１９４９１２３１００５４,\(phones[3]),\u{1E},2026-03-28 09:42:00,,",
        ]
        let header = "序号,姓名,乡镇,身份证号码,手机号码,所属村（社区）,注册时间,截图核验,备注"
        #expect(try inbox.register("list.csv", ([header] + lines).joined(separator: "\n")).summary?.rows == 4)
        let queue = try DatabaseQueue(path: folder + "/db.sqlite")
        let rows = try queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT raw, name, township_text, village, county_text, id_text, id_key, phone_text, phone_key,
                        registered_at
                    FROM registration ORDER BY row_number
                    """)
        }
        #expect(rows.count == 4)
        for (row, line) in zip(rows, lines) {
            let cells = StoredRaw.cells(row["raw"]) { column in
                switch column {
                case .name: row["name"]
                case .township: row["township_text"]
                case .village: row["village"]
                case .county: row["county_text"]
                case .idNumber: IDNumber.text(stored: row["id_text"], key: row["id_key"])
                case .phone: Phone.text(stored: row["phone_text"], key: row["phone_key"])
                case .registeredAt: RegisteredAt.asWritten(stored: row["registered_at"])
                }
            }
            #expect(cells == line.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        }
        // The first row's name, township, village, ID number, phone and time are kept once, in their columns.
        let references = ["\u{1E}N", "\u{1E}T", "\u{1E}I", "\u{1E}P", "\u{1E}V", "\u{1E}R"]
        #expect(rows[0]["raw"] == (["1"] + references + ["有效", ""]).joined(separator: "\u{1F}"))
        // A time with seconds is written with them; one written otherwise is kept as received.
        let times = rows.map { ($0["raw"] as String).split(separator: "\u{1F}", omittingEmptySubsequences: false)[6] }
        #expect(times == ["\u{1E}R", "2026/3/28 9:42", "\u{1E}R", "2026-03-28 09:42:00"])
    }
}
