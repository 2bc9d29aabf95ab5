import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerRender
import Testing

/// The same list saved by LibreOffice as CSV, SpreadsheetML, .xlsx, .xls and bare sheet XML (see
/// Tests/RegTrackerIOTests/Fixtures and the comments in the reader tests for how they were made) must count the same.
@Suite struct CrossFormatTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../RegTrackerIOTests/Fixtures").standardized.path

    struct Counted: Equatable {
        var figures: OutcomeCounts
        var rejects: [String]
    }

    func count(_ file: String) throws -> Counted {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let result = RegistrationImport(store: inbox.store, clock: inbox.clock)
            .run(path: Self.fixtures + "/" + file, options: ReadOptions(), township: nil, replace: false)
        #expect(result.summary != nil, "\(file): \(String(describing: result.rejection))")
        let rejects = try ReportService(store: inbox.store).rejects(township: nil)
            .map { "row \($0.rowNumber): \($0.outcome.name): \(ReasonText.text($0.reasons, in: .english))" }
        return Counted(figures: try inbox.figures("青石镇").counts, rejects: rejects)
    }

    @Test(arguments: ["same-list.xml", "same-list.xlsx", "same-list.xls", "sheetxml/sheet1.xml"])
    func everyFormatCountsLikeTheCSV(file: String) throws {
        let csv = try count("same-list.csv")
        // 张三, 李四, 赵六, 钱七, 孙八 valid; 王五 flagged (and masked).
        #expect(csv.figures == OutcomeCounts(flagged: 1, valid: 5))
        #expect(csv.rejects == ["row 5: invalid_flagged: screenshot marked invalid (截图核验)"])
        #expect(try count(file) == csv)
    }
}
