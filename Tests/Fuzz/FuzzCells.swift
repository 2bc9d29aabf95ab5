import RegTrackerCore

/// The cell normaliser's checks, shared by the cell target and the corpus replay test.
enum FuzzCells {
    static let today = CivilDate(year: 2026, month: 11, day: 29)

    static func check(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let cleaned = CellText.clean(text)
        precondition(CellText.clean(cleaned) == cleaned, "clean is idempotent")
        _ = CellText.compact(text)
        var cells: [Cell] = [.text(text)]
        if bytes.count >= 8 {
            var bits: UInt64 = 0
            for index in 0..<8 { bits = bits << 8 | UInt64(bytes[index]) }
            cells.append(.number(Double(bitPattern: bits)))
        }
        for cell in cells {
            switch IDNumber.parse(cell, today: today) {
            case .valid(let value, let key):
                precondition(value.utf8.count == 18 && key > 0, "a valid ID number has 18 characters and a key")
            default: break
            }
            switch Phone.parse(cell) {
            case .valid(let value, let key):
                precondition(value.utf8.count == 11 && key > 0, "a valid phone has 11 digits and a key")
            default: break
            }
            _ = Verdict.parse(cell)
            _ = RegisteredAt.parse(cell).storedText
            _ = cell.displayText
        }
    }
}
