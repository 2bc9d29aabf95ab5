import RegTrackerIO

/// libFuzzer entry point: any bytes as an `.xlsx` file (zip, workbook, relationships, styles, shared strings,
/// sheet), read to the end.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let path = FuzzFiles.write(data, size, name: "input.xlsx")
    FuzzRead.all(path: path, options: ReadOptions())
    return 0
}
