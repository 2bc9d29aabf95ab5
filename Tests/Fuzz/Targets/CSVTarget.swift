import RegTrackerIO

/// libFuzzer entry point: any bytes as a `.csv` file, read to the end with encoding and separator detection;
/// the first byte also picks a forced encoding now and then (`--encoding`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let path = FuzzFiles.write(data, size, name: "input.csv")
    let encoding: ReadOptions.Encoding? =
        switch size > 0 ? data![0] % 8 : 0 {
        case 1: .utf8
        case 2: .gb18030
        default: nil
        }
    FuzzRead.all(path: path, options: ReadOptions(encoding: encoding))
    return 0
}
