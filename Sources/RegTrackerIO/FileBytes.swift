import Glibc

/// Reading whole files and hashing them, with errors a person can act on.
public enum FileBytes {
    /// The file's bytes, or its first `limit` bytes.
    public static func read(_ path: String, limit: Int = .max) throws(ReadError) -> [UInt8] {
        let descriptor = try open(path)
        defer { close(descriptor) }
        var result: [UInt8] = []
        var status = stat()
        if fstat(descriptor, &status) == 0 { result.reserveCapacity(min(limit, Int(status.st_size))) }
        var chunk = [UInt8](repeating: 0, count: min(limit, 1 << 20))
        while result.count < limit {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { throw ReadError(.cannotRead(errno: errno)) }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<min(count, limit - result.count)])
        }
        return result
    }

    /// Opens a regular file for reading, or says why it cannot be read.
    static func open(_ path: String) throws(ReadError) -> Int32 {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw ReadError(.notFound(errno: errno))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ReadError(.notRegularFile)
        }
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ReadError(.cannotOpen(errno: errno))
        }
        return descriptor
    }
}
