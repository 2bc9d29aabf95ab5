/// Numbers in attribute values, read from libxml2's bytes without making a String.
enum XMLDigits {
    /// Plain decimal digits under a billion; nil for anything else, zero included (`r="0"` names no row, and
    /// `ss:Index="0"` no cell): callers read the rare other forms as `Int` reads them.
    static func positiveInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), value < 100_000_000 else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value == 0 ? nil : value
    }
}
