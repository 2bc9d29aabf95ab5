import RegTrackerIO

/// libFuzzer entry point: any bytes as an `.xml` file (SpreadsheetML 2003, or whatever root it has), read to the
/// end; the first byte picks a sheet now and then (`--sheet`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpreadsheetML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let path = FuzzFiles.write(data, size, name: "input.xml")
    let sheet: ReadOptions.SheetSelector? =
        switch size > 0 ? data![0] % 8 : 0 {
        case 1: .position(2)
        case 2: .name("Sheet1")
        default: nil
        }
    FuzzRead.all(path: path, options: ReadOptions(sheet: sheet))
    return 0
}
