/// The strings of a shared-strings part, kept on a scratch file so that memory does not grow with them: an .xlsx
/// list of a million people has millions of distinct names, ID numbers and phones in its table.
///
/// The file holds each string as a varint length and its UTF-8 bytes; memory holds where every `blockSize`-th
/// string starts (8 bytes a block), a window of the file for the strings a sheet asks for in order (Excel writes
/// the table in the order strings first appear), and a small cache for the strings it asks for again and again
/// (township, village, verdict).
final class SharedStringTable {
    private let file: ScratchFile
    private let blockSize: Int
    private var blockStarts: [Int64] = []
    private(set) var count = 0

    private var pending: [UInt8] = []
    private static let writeChunk = 64 * 1024

    private var window: [UInt8] = []
    private var windowStart: Int64 = 0
    private let windowSize: Int
    /// The highest block read through the window: a block before it is a repeat, read on its own and cached.
    private var frontier = 0
    private var repeats: [(index: Int, string: String)?]
    /// The index after the string last read from the window, and where in the window it starts.
    private var following: (index: Int, offset: Int)?

    init(blockSize: Int = 64, windowSize: Int = 64 * 1024, cacheSlots: Int = 1 << 14) throws(ReadError) {
        file = try ScratchFile(purpose: "strings")
        self.blockSize = blockSize
        self.windowSize = windowSize
        repeats = Array(repeating: nil, count: cacheSlots)
    }

    func append(_ string: String) throws(ReadError) {
        try append(utf8: Array(string.utf8))
    }

    /// Appends the string whose UTF-8 is `bytes` (as the parser handed it on, without making a String).
    func append(utf8 bytes: [UInt8]) throws(ReadError) {
        if count % blockSize == 0 { blockStarts.append(file.size + Int64(pending.count)) }
        var length = bytes.count
        while length >= 0x80 {
            pending.append(UInt8(length & 0x7F) | 0x80)
            length >>= 7
        }
        pending.append(UInt8(length))
        pending.append(contentsOf: bytes)
        count += 1
        if pending.count >= Self.writeChunk { try flush() }
    }

    /// Writes what `append` still holds; call once after the last string.
    func flush() throws(ReadError) {
        try file.append(pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// The string at `index`, which must be below `count`.
    func string(at index: Int) throws(ReadError) -> String {
        let slot = index & (repeats.count - 1)
        if let cached = repeats[slot], cached.index == index { return cached.string }
        let block = index / blockSize
        let start = blockStarts[block]
        let end = block + 1 < blockStarts.count ? blockStarts[block + 1] : file.size
        if start >= windowStart, end <= windowStart + Int64(window.count) {
            return fromWindow(index, blockAt: Int(start - windowStart))
        }
        if block >= frontier {
            frontier = block
            try load(from: start, count: max(windowSize, Int(end - start)))
            return fromWindow(index, blockAt: 0)
        }
        var bytes = [UInt8](repeating: 0, count: Int(end - start))
        try file.readExactly(into: &bytes, at: start)
        let string = Self.decode(bytes, from: 0, skipping: index % blockSize).string
        repeats[slot] = (index, string)
        return string
    }

    /// The string at `index` from the window, whose block starts at `blockAt`; the string after the one asked for
    /// last (a sheet's new strings come in order) is decoded where that one ended, without walking the block.
    private func fromWindow(_ index: Int, blockAt: Int) -> String {
        let decoded =
            if let following, following.index == index {
                Self.decode(window, from: following.offset, skipping: 0)
            } else {
                Self.decode(window, from: blockAt, skipping: index % blockSize)
            }
        following = decoded.end < window.count ? (index + 1, decoded.end) : nil
        return decoded.string
    }

    private func load(from start: Int64, count: Int) throws(ReadError) {
        if window.count != count { window = [UInt8](repeating: 0, count: count) }
        windowStart = start
        following = nil
        let read = try file.read(into: &window, at: start)
        window.removeLast(window.count - read)
    }

    /// The string after skipping `skip` strings from `offset` in `bytes`, and the offset just after it.
    private static func decode(_ bytes: [UInt8], from offset: Int, skipping skip: Int) -> (string: String, end: Int) {
        var position = offset
        var remaining = skip
        while true {
            var length = 0
            var shift = 0
            while bytes[position] & 0x80 != 0 {
                length |= Int(bytes[position] & 0x7F) << shift
                shift += 7
                position += 1
            }
            length |= Int(bytes[position]) << shift
            position += 1
            if remaining == 0 {
                return (String(decoding: bytes[position..<(position + length)], as: UTF8.self), position + length)
            }
            position += length
            remaining -= 1
        }
    }
}
