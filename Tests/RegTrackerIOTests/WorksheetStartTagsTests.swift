import Foundation
import RegTrackerCore
import Testing

@testable import RegTrackerIO

/// A SpreadsheetML file is taken for one sheet, and not parsed whole to list its sheets, only when its bytes hold
/// one worksheet start tag at most; anything the scan cannot vouch for counts as several.
@Suite struct WorksheetStartTagsTests {
    private func several(_ text: String, encoding: String.Encoding = .utf8, chunkSize: Int = 1 << 20) throws -> Bool {
        let path = try ExcelFixtures.temporaryFile("tags.xml", text.data(using: encoding)!)
        return try WorksheetStartTags.mayHoldSeveral(path: path, chunkSize: chunkSize)
    }

    private func workbook(_ body: String) -> String {
        ExcelFixtures.workbookPrefix + "\n" + body + "\n</Workbook>"
    }

    private let sheet = """
        <Worksheet ss:Name="名单"><Table><Row><Cell><Data ss:Type="String">Worksheet 1</Data></Cell></Row></Table>
         <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible>
         </WorksheetOptions></Worksheet>
        """

    @Test func oneWorksheetIsOne() throws {
        #expect(try !several(workbook(sheet)))
        #expect(try !several(workbook("<Worksheet/>")))
        #expect(try !several(workbook("")))
        // A prefix on the start tag and on the end tag; the name in text and in other elements' names.
        let prefixed = """
            <ss:Worksheet ss:Name="x"><ss:Table/><x:WorksheetOptions/><Data>&lt;Worksheet </Data></ss:Worksheet>
            """
        #expect(try !several(workbook(prefixed)))
    }

    @Test func twoWorksheetsAreSeveralHoweverTheyAreWritten() throws {
        #expect(try several(workbook(sheet + sheet)))
        #expect(try several(workbook("<Worksheet/><ss:Worksheet\n/>")))
        #expect(try several(workbook("<Worksheet>\t</Worksheet><long-prefix.x_1:Worksheet>")))
    }

    /// Every cut of a tag between two reads (a read takes the 265 bytes kept before a tag and `chunkSize` more), and
    /// a prefix longer than what is kept before a tag.
    @Test func tagsCutBetweenReadsAreFoundWhole() throws {
        for padding in stride(from: 0, through: 600, by: 3) {
            let spaces = String(repeating: " ", count: padding)
            for chunkSize in [1, 16] {
                #expect(
                    try several(workbook(sheet + spaces + "<ss:Worksheet ss:Name=\"b\"/>"), chunkSize: chunkSize),
                    "padding \(padding), chunk \(chunkSize)")
                #expect(try !several(workbook(spaces + sheet + spaces), chunkSize: chunkSize))
                let prefixed = "<ss:Worksheet ss:Name=\"x\"><ss:Table/>" + spaces + "</ss:Worksheet>"
                #expect(try !several(workbook(prefixed + spaces), chunkSize: chunkSize))
            }
        }
        let longPrefix = String(repeating: "p", count: 300)
        let farOn = String(repeating: " ", count: 700)
        #expect(try several(workbook(farOn + "<\(longPrefix):Worksheet/>" + sheet), chunkSize: 1))
    }

    @Test func whatTheScanCannotVouchForIsSeveral() throws {
        #expect(try !several("\u{FEFF}" + workbook(sheet)))
        #expect(try several(workbook(sheet), encoding: .utf16LittleEndian))
        #expect(try several(workbook(sheet), encoding: .utf16BigEndian))
        #expect(try several("\u{FEFF}" + workbook(sheet), encoding: .utf32LittleEndian))
        let ebcdic = try ExcelFixtures.temporaryFile("ebcdic.xml", Data([0x4C, 0x6F, 0xA7, 0x94, 0x93]))
        #expect(try WorksheetStartTags.mayHoldSeveral(path: ebcdic))
        #expect(try several("\u{FEFF}" + workbook(sheet), encoding: .utf16BigEndian))
        let doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE Workbook [<!ENTITY s \"\">]>\n" + workbook(sheet)
        #expect(try several(doctype))
    }

    /// Against the pass it stands in for: random workbooks of worksheets written in several ways, with the name in
    /// comments, other elements, attribute values and text, read in reads of several sizes. Where the scan says one
    /// sheet at most, the catalogue never lists more.
    @Test func theScanNeverSaysOneWhereTheCatalogueListsSeveral() throws {
        var random = SeededRandom(seed: 7)
        let pieces = [
            "<Worksheet ss:Name=\"a\"><Table/></Worksheet>",
            "<ss:Worksheet ss:Name=\"b\"><ss:Table/></ss:Worksheet>",
            "<Worksheet\n ss:Name=\"c\"/>",
            "<!-- <Worksheet ss:Name=\"x\"/> -->",
            "<x:WorksheetOptions xmlns:x=\"urn:schemas-microsoft-com:office:excel\"/>",
            "<Styles><Style ss:ID=\"Worksheet\"/></Styles>",
            "\n   ",
            "<Worksheet><Table><Row><Cell><Data ss:Type=\"String\">&lt;Worksheet x</Data></Cell></Row></Table>"
                + "</Worksheet>",
        ]
        var compared = 0
        for round in 0..<1_000 {
            let body = (0..<Int.random(in: 0..<5, using: &random)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }
            let path = try ExcelFixtures.temporaryFile("random.xml", workbook(body.joined()))
            let several = try WorksheetStartTags.mayHoldSeveral(path: path, chunkSize: [1, 7, 64, 1 << 20][round % 4])
            guard let catalogue = try? XMLTableReaders.sheetCatalog(path: path) else { continue }
            compared += 1
            #expect(several || catalogue.count <= 1, "\(body)")
        }
        #expect(compared > 500)
    }
}
