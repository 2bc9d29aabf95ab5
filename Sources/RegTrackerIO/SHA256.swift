import COpenSSL
import Glibc

/// SHA-256 of a file's bytes (batch identity, SPEC 3), streamed through OpenSSL.
public enum FileDigest {
    public static func sha256(path: String) throws(ReadError) -> String {
        let descriptor = try FileBytes.open(path)
        defer { close(descriptor) }
        guard let context = EVP_MD_CTX_new() else { throw ReadError("cannot start SHA-256") }
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { throw ReadError("cannot read the file (\(String(cString: strerror(errno))))") }
            if count == 0 { break }
            chunk.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, count) }
        }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
