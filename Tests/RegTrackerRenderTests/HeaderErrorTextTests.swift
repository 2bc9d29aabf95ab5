import RegTrackerCore
import Testing

@testable import RegTrackerRender

@Suite("Header errors in words")
struct HeaderErrorTextTests {
    @Test("the error messages say what was found and what to do")
    func messages() {
        let missing = HeaderError.missingColumns([.name], headerRow: 2, found: ["乡镇", "身份证号"])
        #expect(missing.description.contains("姓名 (name)"))
        #expect(missing.description.contains("found columns: 乡镇, 身份证号"))
        #expect(HeaderError.noHeader(firstRowCells: ["张三"]).description.contains("the first row reads: 张三"))
    }
}
