import RegTrackerIO

/// libFuzzer entry point: any bytes as a bare worksheet part `sheet1.xml`, with a fixed `sharedStrings.xml`
/// beside it so that `t="s"` cells resolve, read to the end.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOOXMLSheet(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    _ = sharedStrings
    let path = FuzzFiles.write(data, size, name: "sheet1.xml")
    FuzzRead.all(path: path, options: ReadOptions())
    return 0
}

private let sharedStrings: String = {
    let text = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">\
        <si><t>姓名</t></si><si><t>身份证号</t></si><si><r><t>手机</t></r><r><t>号码</t></r></si>\
        <si><t xml:space="preserve"> 青石镇_x000D_ </t><rPh><t>qing</t></rPh></si></sst>
        """
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { FuzzFiles.write($0.baseAddress, $0.count, name: "sharedStrings.xml") }
}()
