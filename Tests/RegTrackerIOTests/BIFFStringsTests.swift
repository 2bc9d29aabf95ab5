import Testing

@testable import RegTrackerIO

/// The string decoding of the .xls reader: the hand-written UTF-16 transcoder against the standard library's, and
/// the paths `ContinuedBytes` takes for 8-bit ASCII, 8-bit Latin-1 and 16-bit characters.
@Suite struct BIFFStringsTests {
    private func transcoded(_ units: [UInt16]) -> String {
        var bytes: [UInt8] = []
        UTF16Transcoder.utf8(units, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [
        [UInt16](),
        Array("身份证号 ID-07 é ß".utf16),
        Array("𠀀 and 😀".utf16),  // surrogate pairs
        [0x0041, 0xD800, 0x0042],  // a high surrogate alone
        [0xDC00, 0x0043],  // a low surrogate alone
        [0xD83D],  // a high surrogate at the end
        [0xD83D, 0xD83D, 0xDE00],  // a lone high surrogate before a pair
        [0x007F, 0x0080, 0x07FF, 0x0800, 0xFFFF],  // the edges of each UTF-8 length
    ])
    func theTranscoderAgreesWithTheStandardLibrary(_ units: [UInt16]) {
        #expect(transcoded(units) == String(decoding: units, as: UTF16.self))
    }

    /// A BIFF8 string of 8-bit characters: count, option byte 0, the bytes.
    private func narrow(_ bytes: [UInt8]) -> [UInt8] {
        [UInt8(bytes.count), 0, 0] + bytes
    }

    @Test func asciiLatinOneAndWideStringsFollowOneAnother() {
        let wide = Array("乡镇".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let data = narrow(Array("110101".utf8)) + narrow([0x43, 0x61, 0x66, 0xE9]) + [2, 0, 1] + wide
        var reader = ContinuedBytes(ArraySlice(data))
        #expect(reader.unicodeString(countBytes: 2) == "110101")
        #expect(reader.unicodeString(countBytes: 2) == "Café")
        #expect(reader.unicodeString(countBytes: 2) == "乡镇")
        #expect(reader.unicodeString(countBytes: 2) == nil)
    }

    @Test func anAsciiStringSplitAcrossSegmentsTakesTheNextSegmentsWidth() {
        // "ab" in the first segment, then a CONTINUE whose option byte says 16-bit: "名".
        let data: [UInt8] = [3, 0, 0, 0x61, 0x62] + [1, 0x0D, 0x54]
        var reader = ContinuedBytes(ArraySlice(data), segments: [0..<5, 5..<8])
        #expect(reader.unicodeString(countBytes: 2) == "ab名")
    }

    @Test func segmentsOutsideTheBytesAreCutToThem() {
        let data: [UInt8] = narrow(Array("ok".utf8))
        var reader = ContinuedBytes(ArraySlice(data), segments: [0..<5, 5..<40])
        #expect(reader.unicodeString(countBytes: 2) == "ok")
        #expect(reader.byte() == nil)
    }
}
