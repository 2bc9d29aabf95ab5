/// The workbook globals substream of an .xls (BIFF5 or BIFF8): the sheets (BOUNDSHEET), the shared strings (SST),
/// which cell formats are dates (FORMAT, XF), the date system (DATEMODE) and, for BIFF5, the code page of its text.
struct XLSWorkbookGlobals {
    struct Sheet {
        var info: SheetInfo
        /// Where the sheet's BOF record starts in the workbook stream.
        var offset: Int
    }

    /// More sheets than Excel can hold in any real workbook: a file claiming more is damaged.
    static let maxSheets = 10_000
    /// Formats and cell formats: Excel allows about 4,000 XFs and a few hundred formats.
    static let maxStyles = 65_536

    let version: BIFF.Version
    let sheets: [Sheet]
    let sharedStrings: [String]
    /// Per XF index, whether its number format shows a date.
    let dateXFs: [Bool]
    let date1904: Bool
    /// BIFF5's 8-bit text; nil for BIFF8, whose text is Unicode.
    let decoder: CodePageDecoder?

    static func damaged(_ damage: ReadError.XLSDamage, at location: ReadError.Location? = nil) -> ReadError {
        ReadError(.xlsDamaged(damage), at: location)
    }

    /// Reads the globals from the start of `stream`; `strings: false` skips the shared strings (for the sheet list).
    init(stream: [UInt8], strings: Bool = true) throws(ReadError) {
        var cursor = BIFFRecordCursor(stream: stream)
        guard let bof = cursor.next() else { throw Self.damaged(.emptyWorkbookStream) }
        if BIFF.oldBOFs.contains(bof.type) {
            throw ReadError(.xlsTooOld)
        }
        guard bof.type == BIFF.bof else { throw Self.damaged(.noBOF) }
        let version: BIFF.Version
        switch bof.data.u16(0) {
        case 0x0500: version = .biff5
        case 0x0200, 0x0300, 0x0400:
            throw ReadError(.xlsTooOld)
        default: version = .biff8
        }
        self.version = version

        struct RawSheet {
            var offset: Int
            var state: UInt8
            var type: UInt8
            var name: ArraySlice<UInt8>
        }
        var rawSheets: [RawSheet] = []
        var formats: [Int: ArraySlice<UInt8>] = [:]
        var xfFormats: [Int] = []
        var codePage = 1252
        var date1904 = false
        var shared: [String] = []
        while let record = cursor.next() {
            switch record.type {
            case BIFF.eof:
                break
            case BIFF.filePass:
                throw CompoundFile.encrypted
            case BIFF.codePage:
                codePage = record.data.u16(0)
            case BIFF.dateMode:
                date1904 = record.data.u16(0) == 1
            case BIFF.boundSheet:
                guard record.data.count >= 7 else { throw Self.damaged(.sheetEntryCutShort) }
                guard rawSheets.count < Self.maxSheets else {
                    throw Self.damaged(.tooManySheets(maximum: Self.maxSheets))
                }
                rawSheets.append(
                    RawSheet(
                        offset: Int(record.data.u32(0)), state: record.data.u8(4), type: record.data.u8(5),
                        name: record.data.bytes(6, record.data.count)))
            case BIFF.format:
                guard formats.count < Self.maxStyles else { throw Self.damaged(.tooManyNumberFormats) }
                formats[record.data.u16(0)] = record.data.bytes(2, record.data.count)
            case BIFF.xf:
                guard xfFormats.count < Self.maxStyles else { throw Self.damaged(.tooManyCellFormats) }
                xfFormats.append(record.data.u16(2))
            case BIFF.sst where strings && version == .biff8:
                shared = Self.sharedStrings(first: record, cursor: &cursor)
            default:
                continue
            }
            if record.type == BIFF.eof { break }
        }

        let decoder = version == .biff5 ? CodePageDecoder(codePage: codePage) : nil
        func text(_ bytes: ArraySlice<UInt8>, countBytes: Int) -> String {
            if let decoder {
                let count = countBytes == 1 ? Int(bytes.u8(0)) : bytes.u16(0)
                return decoder.decode(bytes.bytes(countBytes, count))
            }
            var reader = ContinuedBytes(bytes)
            return reader.unicodeString(countBytes: countBytes) ?? ""
        }
        sheets = rawSheets.enumerated().map { index, raw in
            let name = text(raw.name, countBytes: 1)
            let visibility: SheetInfo.Visibility =
                switch raw.state & 0x03 {
                case 0: .visible
                case 1: .hidden
                default: .veryHidden
                }
            // 0 worksheet (or dialog sheet), 1 Excel 4.0 macro sheet, 2 chart, 6 Visual Basic module.
            return Sheet(
                info: SheetInfo(
                    name: name.isEmpty ? "Sheet\(index + 1)" : name, visibility: visibility, isWorksheet: raw.type == 0),
                offset: raw.offset)
        }
        let dateFormats = formats.mapValues {
            NumberFormats.isDateCode(text($0, countBytes: version == .biff8 ? 2 : 1))
        }
        dateXFs = xfFormats.map { dateFormats[$0] ?? NumberFormats.isBuiltInDate($0) }
        sharedStrings = shared
        self.date1904 = date1904
        self.decoder = decoder
    }

    /// The SST record and the CONTINUE records after it: its strings, as many as the bytes hold (a count larger than
    /// that is not believed).
    private static func sharedStrings(first: BIFFRecord, cursor: inout BIFFRecordCursor) -> [String] {
        var reader = ContinuedBytes(record: first, continuedFrom: &cursor)
        let bytes = reader.count
        guard reader.u32() != nil, let unique = reader.u32() else { return [] }
        // Each string takes at least 3 bytes.
        let count = min(unique, bytes / 3)
        var strings: [String] = []
        strings.reserveCapacity(count)
        while strings.count < count, let string = reader.unicodeString(countBytes: 2) { strings.append(string) }
        return strings
    }
}
