import Foundation
import RegTrackerIO
import Testing

/// The one SHA-256 and hex encoder: a file's identity and a secret's digest are the digests `sha256sum` prints.
@Suite struct SHA256DigestTests {
    @Test func textAndFileGiveTheStandardDigest() throws {
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(SHA256Digest.hex("abc") == abc)
        let path = NSTemporaryDirectory() + "sha256-" + UUID().uuidString
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try SHA256Digest.hex(path: path) == abc)
        #expect(Hex.lowercase([0x00, 0x0F, 0xA0, 0xFF]) == "000fa0ff")
    }
}
