import RegTrackerCore

/// libFuzzer entry point for the cell normaliser: the bytes as cell text (invalid UTF-8 repaired, as the readers
/// do), and their first 8 bytes as a numeric cell, through every rule of SPEC 1.5.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCell(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    FuzzCells.check(bytes)
    return 0
}
