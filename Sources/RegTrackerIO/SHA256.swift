import COpenSSL
import Glibc

/// SHA-256 through OpenSSL's EVP interface, as lowercase hex: a file's bytes (batch identity, SPEC 3) and a
/// secret's text (what the database stores of a token or a session).
public enum SHA256Digest {
    /// The file's bytes, streamed in 1 MiB chunks.
    public static func hex(path: String) throws(ReadError) -> String {
        let descriptor = try FileBytes.open(path)
        defer { close(descriptor) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var failure: ReadError?
        let digest = digest { context in
            while true {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    failure = ReadError(.cannotRead(errno: errno))
                    return
                }
                if count == 0 { return }
                chunk.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, count) }
            }
        }
        if let failure { throw failure }
        return Hex.lowercase(digest)
    }

    /// The UTF-8 bytes of `text`.
    public static func hex(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let digest = digest { context in
            bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        }
        return Hex.lowercase(digest)
    }

    private static func digest(_ feed: (OpaquePointer) -> Void) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { fatalError("OpenSSL cannot allocate a digest context") }
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        feed(context)
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return digest
    }
}

/// Bytes as lowercase hexadecimal, two digits a byte.
public enum Hex {
    public static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
