import Foundation
import RegTrackerCore

/// A read-write file in the temporary directory whose name is removed as soon as it is created: nothing is left
/// behind, whatever happens to the process. Holds what is too large to keep in memory: a zip part being read,
/// spilled key tables, a large shared-strings table. Pages of it live in the kernel's cache, not in ours.
final class ScratchFile {
    let descriptor: Int32
    /// Bytes written by `append` so far.
    private(set) var size: Int64 = 0

    init(purpose: String) throws(ReadError) {
        descriptor = try Self.openUnlinked(purpose: purpose)
    }

    deinit { close(descriptor) }

    /// A descriptor on a new unlinked file, for callers that hand it on (and close it) themselves.
    static func openUnlinked(purpose: String) throws(ReadError) -> Int32 {
        let directory = FileManager.default.temporaryDirectory.path
        var template = Array("\(directory)/regtracker-\(purpose)-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw ReadError(.cannotCreateTemporaryFile(directory: directory))
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return descriptor
    }

    /// Writes the bytes of `elements` (plain values: bytes, integers) after what `append` wrote before.
    func append<Element>(_ elements: [Element]) throws(ReadError) {
        let written = elements.withUnsafeBytes { Self.writeAll(descriptor, $0, at: size) }
        guard written else { throw Self.writeFailed() }
        size += Int64(elements.count * MemoryLayout<Element>.stride)
    }

    /// Fills `elements` with the bytes from `offset` on; returns how many bytes the file had for it.
    func read<Element>(into elements: inout [Element], at offset: Int64) throws(ReadError) -> Int {
        let read = elements.withUnsafeMutableBytes { Self.preadAll(descriptor, $0, at: offset) }
        guard let read else {
            throw ReadError(.cannotReadTemporaryFile(errno: errno))
        }
        return read
    }

    /// Reads exactly the bytes of `elements`, or throws: the file is shorter than what was written to it.
    func readExactly<Element>(into elements: inout [Element], at offset: Int64) throws(ReadError) {
        guard try read(into: &elements, at: offset) == elements.count * MemoryLayout<Element>.stride else {
            throw ReadError(.temporaryFileCutShort)
        }
    }

    /// Writes all of `bytes` at `offset` (the descriptor's position does not move); false when the disk is full or
    /// the write fails.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int64) -> Bool {
        var done = 0
        while done < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            done += count
        }
        return true
    }

    private static func preadAll(_ descriptor: Int32, _ bytes: UnsafeMutableRawBufferPointer, at offset: Int64) -> Int?
    {
        var done = 0
        while done < bytes.count {
            let count = pread(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { break }
            done += count
        }
        return done
    }

    static func writeFailed() -> ReadError {
        ReadError(.cannotWriteTemporaryFile(errno: errno))
    }
}
