import CZlib
import Foundation
import ZIPFoundation

/// One part of an .xlsx inflated on a thread of its own and handed to a parser a chunk at a time (issue 17): the
/// part is never written out, inflating overlaps parsing, and a few chunks at most are held. The inflated size is
/// held to what the zip declared, and the checksum checked at the end.
final class XLSXPartStream: XMLChunkSource {
    static let defaultChunkSize = 256 * 1024

    /// The chunks between the inflating thread and the parser: at most four held, so memory stays flat.
    private let queue = Handoff<Data>(capacity: 4)

    /// Inflates the entry at `entryPath` of the zip at `url`; `name` is the part name for errors, `declared` its
    /// uncompressed size as the zip states it (checked against the limits by the caller).
    init(url: URL, entryPath: String, name: String, declared: UInt64, chunkSize: Int = XLSXPartStream.defaultChunkSize)
    {
        let queue = self.queue
        // Its own `Archive`: the package's may be reading another part meanwhile (the shared strings, opened mid-sheet).
        let thread = Thread {
            Self.inflate(
                url: url, entryPath: entryPath, name: name, declared: declared, chunkSize: chunkSize, into: queue)
        }
        thread.start()
    }

    deinit {
        // The parser is done with the part, finished or not: the thread stops at its next chunk.
        queue.cancel()
    }

    func withNextChunk(_ parse: (UnsafeRawBufferPointer) -> Void) throws(ReadError) {
        guard let chunk = try queue.take() else {
            parse(UnsafeRawBufferPointer(start: nil, count: 0))
            return
        }
        chunk.withUnsafeBytes(parse)
    }

    private static func inflate(
        url: URL, entryPath: String, name: String, declared: UInt64, chunkSize: Int, into queue: Handoff<Data>
    ) {
        do {
            let archive = try Archive(url: url, accessMode: .read)
            guard let entry = archive[entryPath] else { throw Stop.damaged }
            var inflated: UInt64 = 0
            var checksum: UInt = 0
            // On Linux every chunk ZIPFoundation hands on is a Data of its own, so it is queued without a copy. The
            // checksum is zlib's (ZIPFoundation's module of it, CZlib): ZIPFoundation's own on Linux goes a byte at a
            // time in Swift, 0.3–0.8 s of CPU for a 1M-row .xlsx (`inspect`, user time), a twentieth of its samples.
            _ = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: true) { chunk in
                checksum = chunk.withUnsafeBytes { bytes in
                    crc32(checksum, bytes.bindMemory(to: UInt8.self).baseAddress, UInt32(bytes.count))
                }
                inflated += UInt64(chunk.count)
                // The header may lie about the size: nothing past what it declared reaches the parser.
                guard inflated <= declared else { throw Stop.largerThanDeclared }
                guard chunk.isEmpty || queue.put(chunk) else { throw Stop.cancelled }
            }
            guard checksum == UInt(entry.checksum) else { throw Stop.damaged }
            queue.finish(failure: nil)
        } catch Stop.cancelled {
            queue.finish(failure: nil)
        } catch Stop.largerThanDeclared {
            queue.finish(failure: ReadError(.zipEntryOverflows(entry: name, declared: declared), at: .part(name)))
        } catch {
            queue.finish(failure: ReadError(.zipDamaged, at: .part(name)))
        }
    }

    private enum Stop: Error { case largerThanDeclared, damaged, cancelled }
}
