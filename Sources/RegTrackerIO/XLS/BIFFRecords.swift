/// The record types of BIFF5 and BIFF8 (MS-XLS 2.3) the reader looks at.
enum BIFF {
    static let bof: UInt16 = 0x0809
    static let eof: UInt16 = 0x000A
    static let filePass: UInt16 = 0x002F
    static let codePage: UInt16 = 0x0042
    static let dateMode: UInt16 = 0x0022
    static let boundSheet: UInt16 = 0x0085
    static let sst: UInt16 = 0x00FC
    static let `continue`: UInt16 = 0x003C
    static let format: UInt16 = 0x041E
    static let xf: UInt16 = 0x00E0
    static let labelSST: UInt16 = 0x00FD
    static let label: UInt16 = 0x0204
    static let richString: UInt16 = 0x00D6
    static let number: UInt16 = 0x0203
    static let rk: UInt16 = 0x027E
    static let mulRK: UInt16 = 0x00BD
    static let boolErr: UInt16 = 0x0205
    static let formula: UInt16 = 0x0006
    static let string: UInt16 = 0x0207
    /// BOF records of BIFF2, BIFF3 and BIFF4, which are refused.
    static let oldBOFs: Set<UInt16> = [0x0009, 0x0209, 0x0409]

    enum Version { case biff5, biff8 }

    /// The text of a BOOLERR or FORMULA error code.
    static func errorText(_ code: UInt8) -> String {
        switch code {
        case 0x00: "#NULL!"
        case 0x07: "#DIV/0!"
        case 0x0F: "#VALUE!"
        case 0x17: "#REF!"
        case 0x1D: "#NAME?"
        case 0x24: "#NUM!"
        case 0x2A: "#N/A"
        default: "#GETTING_DATA"
        }
    }

    /// The number an RK value packs: 30 bits of integer or the high 30 bits of a double, optionally × 100.
    static func rkNumber(_ rk: UInt32) -> Double {
        let value: Double
        if rk & 0x02 != 0 {
            value = Double(Int32(bitPattern: rk) >> 2)
        } else {
            value = Double(bitPattern: UInt64(rk & 0xFFFF_FFFC) << 32)
        }
        return rk & 0x01 != 0 ? value / 100 : value
    }
}

/// One record: its type and its data, a slice of the workbook stream (no copy).
struct BIFFRecord {
    var type: UInt16
    var data: ArraySlice<UInt8>
}

/// Walks the records of the workbook stream from an offset. A record that claims more bytes than the stream has ends
/// the walk, as the end of the stream does.
struct BIFFRecordCursor {
    let stream: [UInt8]
    private(set) var offset: Int

    init(stream: [UInt8], offset: Int = 0) {
        self.stream = stream
        self.offset = offset
    }

    mutating func next() -> BIFFRecord? {
        guard offset >= 0, offset + 4 <= stream.count else { return nil }
        let type = UInt16(stream[offset]) | UInt16(stream[offset + 1]) << 8
        let length = Int(stream[offset + 2]) | Int(stream[offset + 3]) << 8
        let start = offset + 4
        guard start + length <= stream.count else {
            offset = stream.count
            return nil
        }
        offset = start + length
        return BIFFRecord(type: type, data: stream[start..<start + length])
    }

    /// The next record as its type and where its data lies in `raw`, the stream's bytes (no slice, no reference
    /// count touched): the walk `next()` makes, with the same checks against `raw`'s length, so that the caller may
    /// read the record's fields inside `start..<start + count` without checking each read again.
    mutating func nextHeader(_ raw: UnsafeRawBufferPointer) -> (type: UInt16, start: Int, count: Int)? {
        guard offset >= 0, offset + 4 <= raw.count else { return nil }
        let type = UInt16(raw.unchecked16(offset))
        let length = raw.unchecked16(offset + 2)
        let start = offset + 4
        guard start + length <= raw.count else {
            offset = raw.count
            return nil
        }
        offset = start + length
        return (type, start, length)
    }

    /// The type of the next record, without moving.
    func peekType() -> UInt16? {
        guard offset >= 0, offset + 4 <= stream.count else { return nil }
        return UInt16(stream[offset]) | UInt16(stream[offset + 1]) << 8
    }
}

extension ArraySlice where Element == UInt8 {
    /// Little-endian fields at an offset from the slice's start; 0 past its end (callers check lengths first where
    /// a missing field matters).
    func u8(_ offset: Int) -> UInt8 {
        let index = startIndex + offset
        return offset >= 0 && index < endIndex ? self[index] : 0
    }

    func u16(_ offset: Int) -> Int {
        Int(u8(offset)) | Int(u8(offset + 1)) << 8
    }

    func u32(_ offset: Int) -> UInt32 {
        UInt32(u8(offset)) | UInt32(u8(offset + 1)) << 8 | UInt32(u8(offset + 2)) << 16 | UInt32(u8(offset + 3)) << 24
    }

    func f64(_ offset: Int) -> Double {
        Double(bitPattern: UInt64(u32(offset)) | UInt64(u32(offset + 4)) << 32)
    }

    /// The bytes from `offset` for `count`, cut at the slice's end.
    func bytes(_ offset: Int, _ count: Int) -> ArraySlice<UInt8> {
        let start = Swift.min(endIndex, startIndex + Swift.max(0, offset))
        let end = Swift.min(endIndex, start + Swift.max(0, count))
        return self[start..<end]
    }
}

extension UnsafeRawBufferPointer {
    /// Little-endian fields read without a bounds check, for the record loop: every caller has checked, once for the
    /// record, that `offset` and the field's size lie inside the buffer.
    @inline(__always)
    func unchecked8(_ offset: Int) -> UInt8 {
        load(fromByteOffset: offset, as: UInt8.self)
    }

    @inline(__always)
    func unchecked16(_ offset: Int) -> Int {
        Int(UInt16(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
    }

    @inline(__always)
    func unchecked32(_ offset: Int) -> UInt32 {
        UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    func uncheckedF64(_ offset: Int) -> Double {
        Double(bitPattern: UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
    }
}
