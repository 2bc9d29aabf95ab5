import Glibc

enum Iconv {
    /// One `iconv` call over all of `input` into `output`: the bytes it consumed and wrote, and `errno` when it
    /// stopped early (0 when it did not).
    static func convert(_ converter: iconv_t?, _ input: inout [UInt8], into output: inout [UInt8])
        -> (consumed: Int, written: Int, failure: Int32)
    {
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return (inBuffer.count - inLeft, outBuffer.count - outLeft, result == -1 ? errno : 0)
            }
        }
    }
}
