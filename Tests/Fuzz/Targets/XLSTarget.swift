import RegTrackerIO

/// libFuzzer entry point: any bytes as a legacy `.xls` file (an OLE compound file, read by the Swift BIFF reader), read
/// to the end.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLS(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let path = FuzzFiles.write(data, size, name: "input.xls")
    FuzzRead.all(path: path, options: ReadOptions())
    return 0
}
