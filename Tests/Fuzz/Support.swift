import Glibc

/// Shared by the fuzz targets: the readers take paths, so each input is written to a file first. The folder is
/// made once per process, in /dev/shm when there is one (no disk writes for millions of inputs).
enum FuzzFiles {
    static let folder: String = {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
        var template = Array("\(base)/regtracker-fuzz-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "cannot create a folder for fuzz inputs in \(base)")
        return String(cString: made!)
    }()

    /// Writes `size` bytes at `data` to `name` in the folder and returns its path.
    static func write(_ data: UnsafePointer<UInt8>?, _ size: Int, name: String) -> String {
        let path = folder + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        precondition(descriptor >= 0, "cannot write \(path)")
        var offset = 0
        while offset < size, let data {
            let count = Glibc.write(descriptor, data + offset, size - offset)
            precondition(count > 0, "cannot write \(path)")
            offset += count
        }
        close(descriptor)
        return path
    }
}
