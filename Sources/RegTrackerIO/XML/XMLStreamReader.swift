import CLibXML2
import Foundation
import Glibc

/// A thin, forward-only wrapper over libxml2's `xmlTextReader`: one node at a time, no document tree,
/// so memory stays flat however many rows the file has.
///
/// Parsing is locked down: no network, no DTD loading, no entity substitution and the default
/// size limits (`XML_PARSE_HUGE` off), so a "billion laughs" file or an external entity cannot
/// expand or read anything; and a document with a DOCTYPE at all is refused (no spreadsheet has one).
/// libxml2's errors are collected here instead of printed to stderr.
final class XMLStreamReader {
    /// Node kinds we act on (values of libxml2's `xmlReaderTypes`).
    enum Kind {
        case element, endElement, text, other
    }

    /// `XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_NOCDATA`; deliberately without NOENT, DTDLOAD,
    /// DTDATTR, DTDVALID, XINCLUDE and HUGE.
    static let parseOptions = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue
    )

    private let reader: xmlTextReaderPtr
    private let errors: XMLErrorCollector
    /// Prefix for locations in errors ("xl/worksheets/sheet1.xml"), nil for a plain file.
    let partName: String?
    /// Closed with the reader when the XML comes from a descriptor we own.
    private let ownedDescriptor: Int32?
    /// What libxml2 reads from when the XML comes from an `XMLChunkSource` (a part of a zip).
    private let input: ChunkInput?

    private init(
        reader: xmlTextReaderPtr, errors: XMLErrorCollector, partName: String?, ownedDescriptor: Int32?,
        input: ChunkInput? = nil
    ) {
        self.reader = reader
        self.errors = errors
        self.partName = partName
        self.ownedDescriptor = ownedDescriptor
        self.input = input
        let context = Unmanaged.passUnretained(errors).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, xmlStreamReaderCollectError, context)
    }

    deinit {
        xmlFreeTextReader(reader)
        if let ownedDescriptor { close(ownedDescriptor) }
    }

    /// Opens a file on disk. The file is opened here, not by libxml2, so that its name is never
    /// taken for a URI (`%` escapes, `http:`): libxml2 only reads the descriptor.
    static func open(path: String, partName: String? = nil) throws(ReadError) -> XMLStreamReader {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ReadError(.cannotOpen(errno: errno))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw ReadError(.notRegularFile)
        }
        return try open(descriptor: descriptor, partName: partName)
    }

    /// Reads from an open descriptor positioned at the start; the reader closes it when done.
    static func open(descriptor: Int32, partName: String?) throws(ReadError) -> XMLStreamReader {
        guard let reader = xmlReaderForFd(descriptor, nil, nil, parseOptions) else {
            close(descriptor)
            throw ReadError(.cannotParseXML(part: partName))
        }
        return XMLStreamReader(
            reader: reader, errors: XMLErrorCollector(), partName: partName, ownedDescriptor: descriptor)
    }

    /// Reads what `source` hands on, a chunk at a time (a part of a zip, never written out).
    static func open(source: any XMLChunkSource, partName: String?) throws(ReadError) -> XMLStreamReader {
        let input = ChunkInput(source: source)
        let context = Unmanaged.passUnretained(input).toOpaque()
        let read: xmlInputReadCallback = { context, buffer, count in
            guard let context, let buffer else { return -1 }
            return Unmanaged<ChunkInput>.fromOpaque(context).takeUnretainedValue().read(into: buffer, count: Int(count))
        }
        guard let reader = xmlReaderForIO(read, nil, context, nil, nil, parseOptions) else {
            throw ReadError(.cannotParseXML(part: partName))
        }
        return XMLStreamReader(
            reader: reader, errors: XMLErrorCollector(), partName: partName, ownedDescriptor: nil, input: input)
    }

    // MARK: - Moving

    /// Advances to the next node; false at the end of the document.
    func read() throws(ReadError) -> Bool {
        let status = xmlTextReaderRead(reader)
        if status == 1 {
            let type = xmlTextReaderNodeType(reader)
            // Excel never writes a DOCTYPE; one is how entity bombs and external entities (XXE) come in.
            if type == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) { throw documentType() }
            kind = Self.kind(of: type)
            depth = Int(xmlTextReaderDepth(reader))
            return true
        }
        kind = .other
        // What stopped the bytes (a zip part larger than declared, say) comes before what libxml2 made of it.
        if let error = input?.error { throw error }
        if status == 0, errors.first == nil { return false }
        throw malformed()
    }

    /// Advances to the next element start; false at the end of the document.
    func readToElement() throws(ReadError) -> Bool {
        while try read() {
            if kind == .element { return true }
        }
        return false
    }

    private func documentType() -> ReadError {
        ReadError(.documentType, at: location(line: Int(xmlTextReaderGetParserLineNumber(reader))))
    }

    private func malformed() -> ReadError {
        let error = errors.first
        let line = error?.line ?? Int(xmlTextReaderGetParserLineNumber(reader))
        return ReadError(.malformedXML(parserMessage: error?.message, fault: error?.fault), at: location(line: line))
    }

    // MARK: - The current node

    /// The kind of the current node (kept by `read()`: asked for on every node).
    private(set) var kind = Kind.other
    /// The depth of the current node, the root element being 0.
    private(set) var depth = 0

    private static func kind(of type: Int32) -> Kind {
        switch type {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): .element
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
            Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            .text
        default: .other
        }
    }

    /// `<x/>`: no end element follows.
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The line of the current node: where its element starts. libxml2 keeps node lines in 16 bits,
    /// so past line 65,535 this falls back to the parser's position, which is at most a chunk ahead.
    var line: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = Int(xmlGetLineNo(node))
            if line > 0, line < 65_535 { return line }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// Line 12 of the file, or of `xl/worksheets/sheet1.xml` inside a workbook.
    func location(line: Int? = nil) -> ReadError.Location {
        let number = line ?? self.line
        return partName.map { .partLine($0, line: number) } ?? .line(number)
    }

    /// True when the current node's local name is `name` (compared as bytes, no String made).
    func isNamed(_ name: StaticString) -> Bool {
        guard let local = xmlTextReaderConstLocalName(reader) else { return false }
        return strcmp(cString(local), cString(name)) == 0
    }

    /// True when the current node is in namespace `uri`.
    func isIn(namespace uri: StaticString) -> Bool {
        guard let namespace = xmlTextReaderConstNamespaceUri(reader) else { return false }
        return strcmp(cString(namespace), cString(uri)) == 0
    }

    var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    var namespaceURI: String? {
        xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
    }

    /// The text of a text node.
    var value: String {
        xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
    }

    /// Appends the text of a text node to `text` without an intermediate String when possible.
    func appendValue(to text: inout String) {
        guard let value = xmlTextReaderConstValue(reader) else { return }
        text += String(cString: value)
    }

    /// Calls `body` with each attribute's local name, namespace (nil when none, or when not asked for:
    /// looking it up costs) and value, then returns to the element. The pointers are valid only during the call.
    func forEachAttribute(
        withNamespaces: Bool = false,
        _ body: (UnsafePointer<CChar>, UnsafePointer<CChar>?, UnsafePointer<CChar>) -> Void
    ) {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return }
        var status = xmlTextReaderMoveToFirstAttribute(reader)
        while status == 1 {
            if let name = xmlTextReaderConstLocalName(reader) {
                let namespace = withNamespaces ? xmlTextReaderConstNamespaceUri(reader).map(cString) : nil
                let value = xmlTextReaderConstValue(reader).map(cString) ?? cString(emptyCString)
                body(cString(name), namespace, value)
            }
            status = xmlTextReaderMoveToNextAttribute(reader)
        }
        xmlTextReaderMoveToElement(reader)
    }

    /// The value of the attribute `localName` in namespace `uri` (any namespace when nil).
    func attribute(_ localName: StaticString, namespace uri: StaticString? = nil) -> String? {
        var found: String?
        forEachAttribute(withNamespaces: uri != nil) { name, namespace, value in
            guard found == nil, strcmp(name, cString(localName)) == 0 else { return }
            if let uri {
                guard let namespace, strcmp(namespace, cString(uri)) == 0 else { return }
            }
            found = String(cString: value)
        }
        return found
    }
}

private let emptyCString: StaticString = ""

@inline(__always)
func cString(_ pointer: UnsafePointer<xmlChar>) -> UnsafePointer<CChar> {
    UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)
}

@inline(__always)
func cString(_ text: StaticString) -> UnsafePointer<CChar> {
    UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
}

/// True when the C string equals `text`.
@inline(__always)
func cStringEquals(_ pointer: UnsafePointer<CChar>, _ text: StaticString) -> Bool {
    strcmp(pointer, cString(text)) == 0
}

/// An `XMLChunkSource` as libxml2's reader asks for bytes: into its buffer, as many as it has room for.
private final class ChunkInput {
    private let source: any XMLChunkSource
    private var chunk: [UInt8] = []
    private var offset = 0
    private var ended = false
    /// Why the source failed; libxml2 sees only that reading did.
    private(set) var error: ReadError?

    init(source: any XMLChunkSource) {
        self.source = source
    }

    /// Bytes copied into `buffer`, 0 at the end, -1 when the source failed.
    func read(into buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int32 {
        while offset == chunk.count, !ended {
            do {
                try source.withNextChunk { bytes in
                    chunk = Array(bytes)
                    ended = bytes.isEmpty
                }
            } catch {
                self.error = error
                return -1
            }
            offset = 0
        }
        let copied = min(count, chunk.count - offset)
        guard copied > 0 else { return 0 }
        chunk.withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: start + offset, byteCount: copied)
        }
        offset += copied
        return Int32(copied)
    }
}

/// Holds the first error libxml2 reports for one reader; libxml2 calls back with it as context.
final class XMLErrorCollector {
    struct Report {
        var message: String?
        var line: Int
        var fault: XMLFault?

        init(message: String?, line: Int, code: Int32) {
            self.message = message
            self.line = line
            fault = Self.fault(code)
        }

        /// libxml2's error codes (`xmlParserErrors`) of the faults worded in the reader's language.
        static func fault(_ code: Int32) -> XMLFault? {
            switch UInt32(bitPattern: code) {
            case XML_ERR_TAG_NAME_MISMATCH.rawValue: .tagMismatch
            case XML_ERR_TAG_NOT_FINISHED.rawValue, XML_ERR_DOCUMENT_EMPTY.rawValue, XML_ERR_LTSLASH_REQUIRED.rawValue,
                XML_ERR_GT_REQUIRED.rawValue:
                .cutShort
            case XML_ERR_DOCUMENT_END.rawValue: .contentAfterEnd
            case XML_NS_ERR_UNDEFINED_NAMESPACE.rawValue: .undeclaredPrefix
            case XML_ERR_INVALID_CHAR.rawValue: .invalidCharacter
            case XML_ERR_UNDECLARED_ENTITY.rawValue, XML_WAR_UNDECLARED_ENTITY.rawValue: .undeclaredEntity
            case XML_ERR_ATTRIBUTE_WITHOUT_VALUE.rawValue, XML_ERR_ATTRIBUTE_REDEFINED.rawValue,
                XML_ERR_ATTRIBUTE_NOT_STARTED.rawValue, XML_ERR_LT_IN_ATTRIBUTE.rawValue:
                .badAttribute
            default: nil
            }
        }
    }

    var first: Report?
}

/// libxml2's structured error callback: keeps the first error (warnings are ignored) and prints nothing.
private func xmlStreamReaderCollectError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let collector = Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
    guard collector.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    // libxml2's own words (English), kept as a detail beside our message; none when it gave none.
    let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
    collector.first = XMLErrorCollector.Report(
        message: message?.isEmpty == false ? message : nil, line: Int(error.pointee.line), code: error.pointee.code)
}
