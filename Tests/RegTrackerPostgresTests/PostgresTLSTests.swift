import Foundation
import PostgresNIO
import RegTrackerStore
import TestSupport
import Testing

@testable import RegTrackerPostgres

/// `?sslmode=` and `?sslrootcert=`, read as libpq reads them.
@Suite("PostgreSQL locations: TLS")
struct PostgresEncryptionLocationTests {
    @Test func everyModeOfLibpqAndTheCAFile() throws {
        for encryption in PostgresLocation.Encryption.allCases {
            let url = "postgres://office@db.example/county?sslmode=\(encryption.rawValue)&sslrootcert=/etc/ca.pem"
            let location = try #require(PostgresLocation(url: url))
            #expect(location.encryption == encryption)
            #expect(location.rootCertificates == "/etc/ca.pem")
        }
    }

    @Test func preferWhenNotSaid() throws {
        let location = try #require(PostgresLocation(url: "postgres://office@db.example/county"))
        #expect(location.encryption == .prefer)
        #expect(location.rootCertificates == nil)
    }

    @Test func aModeLibpqDoesNotKnowIsNoURL() {
        #expect(PostgresLocation(url: "postgres://office@db.example/county?sslmode=on") == nil)
        #expect(PostgresLocation(url: "postgres://office@db.example/county?sslmode=") == nil)
    }
}

/// Connections to a throwaway server that refuses any TCP connection without TLS, and whose certificate names
/// `localhost` only, signed by a CA of the test's own.
@Suite(
    "PostgreSQL over TLS", .serialized,
    .enabled(
        if: ThrowawayPostgres.isInstalled, "PostgreSQL's server programs are not installed (apt-get install postgresql)"
    ))
struct PostgresTLSTests {
    func location(host: String = "localhost", _ query: String) throws -> PostgresLocation {
        let server = try ThrowawayPostgres.tls.get()
        let port = try #require(server.port)
        let text = "postgres://regtracker@\(host):\(port)/regtracker?"
            + query.replacingOccurrences(of: "{ca}", with: server.certificateAuthority)
        return try #require(PostgresLocation(url: text))
    }

    /// Whether the server sees the connection as encrypted.
    func isEncrypted(_ location: PostgresLocation) throws -> Bool {
        let connection = try BlockingConnection(location)
        return try connection.rows("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")[0]["ssl"]
            .decode(Bool.self)
    }

    @Test func encryptedWhenTheServerOffersItAndNothingIsSaid() throws {
        #expect(try isEncrypted(location("")))
        #expect(try isEncrypted(location("sslmode=allow")))
    }

    @Test func requireEncryptsWithoutCheckingTheCertificate() throws {
        #expect(try isEncrypted(location(host: "127.0.0.1", "sslmode=require")))
    }

    @Test func verifyFullAcceptsTheCertificateOfTheHostItNames() throws {
        #expect(try isEncrypted(location("sslmode=verify-full&sslrootcert={ca}")))
    }

    @Test func verifyCAAcceptsACertificateOfTheCAForAnotherName() throws {
        #expect(try isEncrypted(location(host: "127.0.0.1", "sslmode=verify-ca&sslrootcert={ca}")))
    }

    @Test func verifyFullRefusesACertificateThatDoesNotNameTheHost() throws {
        let error = try #require(throws: StoreError.self) {
            try PostgresStore.connect(location(host: "127.0.0.1", "sslmode=verify-full&sslrootcert={ca}"))
        }
        #expect(error.code == .tls(.certificateForAnotherHost("127.0.0.1")))
    }

    @Test func aCertificateOfAnUnknownCAIsRefused() throws {
        // No sslrootcert: the system's CAs, none of which signed the test's.
        let error = try #require(throws: StoreError.self) { try PostgresStore.connect(location("sslmode=verify-ca")) }
        #expect(error.code == .tls(.untrustedCertificate(caFile: nil)))
    }

    @Test func requireWithACAFileChecksTheCertificateAsLibpqDoes() throws {
        let other = NSTemporaryDirectory() + "regtracker-other-ca-\(UUID().uuidString).pem"
        defer { try? FileManager.default.removeItem(atPath: other) }
        try #require(try selfSignedCertificate(at: other))
        let error = try #require(throws: StoreError.self) {
            try PostgresStore.connect(location(host: "127.0.0.1", "sslmode=require&sslrootcert=\(other)"))
        }
        #expect(error.code == .tls(.untrustedCertificate(caFile: other)))
        #expect(try isEncrypted(location(host: "127.0.0.1", "sslmode=require&sslrootcert={ca}")))
    }

    @Test func aMissingCAFileIsNamed() throws {
        let error = try #require(throws: StoreError.self) {
            try PostgresStore.connect(location("sslmode=verify-full&sslrootcert=/nonexistent/ca.pem"))
        }
        #expect(error.code == .tls(.unreadableCAFile("/nonexistent/ca.pem")))
    }

    @Test func disableIsRefusedByAServerThatAsksForTLS() throws {
        let error = try #require(throws: StoreError.self) {
            try PostgresStore.connect(location(host: "127.0.0.1", "sslmode=disable"))
        }
        #expect(error.code == .cannotConnect)
        #expect(error.reason?.contains("no encryption") == true)
    }

    /// A server that answers PostgreSQL's TLS request with "N" (as one without `ssl = on` does).
    @Test func requireRefusesAServerWithoutTLS() throws {
        let server = try NoTLSServer()
        let location = try #require(
            PostgresLocation(url: "postgres://regtracker@127.0.0.1:\(server.port)/regtracker?sslmode=require"))
        let error = try #require(throws: StoreError.self) { try PostgresStore.connect(location) }
        #expect(error.code == .tls(.notOffered))
        #expect(server.answered())
    }

    @Test func theStoreWorksOverTLS() throws {
        let store = try PostgresStore(location("sslmode=verify-full&sslrootcert={ca}"))
        try store.transaction { try $0.setSetting(SettingKey.deadline, value: "2026-12-31") }
        #expect(try store.transaction(readOnly: true) { try $0.setting(SettingKey.deadline) } == "2026-12-31")
    }

    /// A CA certificate that signed nothing of the server's, made with openssl.
    private func selfSignedCertificate(at path: String) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
            "-subj", "/CN=another-ca", "-keyout", path + ".key", "-out", path,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: path + ".key")
        return process.terminationStatus == 0
    }
}

/// A TCP listener on 127.0.0.1 that reads one PostgreSQL SSLRequest (8 bytes) and answers "N": TLS not offered.
private final class NoTLSServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let done = DispatchSemaphore(value: 0)
    private var request: [UInt8] = []

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(listener, address, length) == 0 && listen(listener, 1) == 0
                    && getsockname(listener, address, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in answerOnce() }
    }

    private func answerOnce() {
        let client = accept(listener, nil, nil)
        var bytes = [UInt8](repeating: 0, count: 8)
        if client >= 0, recv(client, &bytes, 8, Int32(MSG_WAITALL)) == 8 {
            request = bytes
            _ = send(client, "N", 1, 0)
        }
        close(client)
        done.signal()
    }

    /// Whether the request was the SSLRequest (length 8, code 80877103).
    func answered() -> Bool {
        done.wait()
        return request == [0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F]
    }

    deinit { close(listener) }
}
