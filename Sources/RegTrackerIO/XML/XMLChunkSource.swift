import Foundation
import Glibc

/// Where an `XMLPushParser`'s bytes come from, a chunk at a time: a file, or a part inflated from a zip.
protocol XMLChunkSource: AnyObject {
    /// Calls `parse` with the next chunk; an empty chunk is the end of the document.
    func withNextChunk(_ parse: (UnsafeRawBufferPointer) -> Void) throws(ReadError)
}

/// A regular file read a chunk at a time (opened here, so that its name is never taken for a URI).
final class XMLFileChunks: XMLChunkSource {
    static let defaultChunkSize = 256 * 1024

    private let descriptor: Int32
    private var buffer: [UInt8]

    init(path: String, chunkSize: Int = XMLFileChunks.defaultChunkSize) throws(ReadError) {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(.cannotOpen(errno: errno)) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw ReadError(.notRegularFile)
        }
        self.descriptor = descriptor
        buffer = [UInt8](repeating: 0, count: max(chunkSize, 1))
    }

    deinit {
        close(descriptor)
    }

    func withNextChunk(_ parse: (UnsafeRawBufferPointer) -> Void) throws(ReadError) {
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw ReadError(.cannotRead(errno: errno)) }
        buffer.withUnsafeBytes { parse(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }
}
