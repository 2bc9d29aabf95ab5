/// Secrets for tokens and sessions: 32 bytes from the system's cryptographic generator, as lowercase hex.
enum RandomSecret {
    static func hex(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Whether `text` could be one of our secrets (`rt_…`, `rs_…`): short, letters, digits and `_` only, so
    /// that nothing else reaches a digest or a cookie header.
    static func isPlausible(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 256
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
