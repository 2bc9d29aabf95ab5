import CLibXML2
import Foundation

/// What an `XMLPushParser` hands on as it parses. Every pointer is valid only during the call. A handler that has
/// what it wants, or finds the document wrong, throws `XMLPushParser.Stop`: a C callback cannot throw, so the parser
/// halts there and `feed()` reports it.
protocol XMLPushHandler: AnyObject {
    /// An element starts at `depth` (the root element being 0).
    func startElement(_ element: XMLPushParser.Element, depth: Int) throws(XMLPushParser.Stop)
    /// The element at `depth` ends.
    func endElement(depth: Int) throws(XMLPushParser.Stop)
    /// Text inside the innermost open element, in one or more pieces.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// libxml2's SAX2 push parser fed a chunk at a time from a file or a zip part (`XMLChunkSource`): events, no nodes,
/// so a pass over a large file costs about half of `xmlTextReader`'s (issue 17). Locked down as `XMLStreamReader` is: no network, no
/// DTD loading, no entity substitution, default size limits, and a DOCTYPE at all is refused.
final class XMLPushParser {
    /// Why a handler ends the parse early.
    enum Stop: Error {
        /// It has what it wants: `feed()` returns false, and the rest of the file is not read.
        case finished
        /// Its own checks found the document wrong: `feed()` throws this at the parser's current line.
        case failed(ReadError.Problem)
        /// Something it read elsewhere failed (the shared strings of a sheet): `feed()` throws it as it is.
        case failedElsewhere(ReadError)
    }

    /// An element as SAX2 gives it: names and attribute values as C strings or byte ranges.
    struct Element {
        fileprivate let context: UnsafeMutableRawPointer
        fileprivate let localName: UnsafePointer<xmlChar>
        fileprivate let namespace: UnsafePointer<xmlChar>?
        fileprivate let attributeCount: Int
        /// Five pointers an attribute: local name, prefix, namespace, value start, value end.
        fileprivate let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

        func isNamed(_ name: StaticString) -> Bool { cStringEquals(cString(localName), name) }

        /// The line the parser is on: where the start tag ends.
        var line: Int { Int(xmlSAX2GetLineNumber(context)) }

        /// For messages: compare with `isNamed`.
        var name: String { String(cString: localName) }

        /// For messages: compare with `isIn(namespace:)`.
        var namespaceURI: String? { namespace.map { String(cString: $0) } }

        func isIn(namespace uri: StaticString) -> Bool {
            guard let namespace else { return false }
            return cStringEquals(cString(namespace), uri)
        }

        /// The value of the attribute with this local name, in any namespace.
        func attribute(_ name: StaticString) -> String? {
            attributeBytes(name).map(Self.decodedAmpersands)
        }

        /// The value's bytes as libxml2 holds them (an `&` as `&#38;`), no String made; valid during the call.
        func attributeBytes(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
            guard let attributes else { return nil }
            for index in 0..<attributeCount {
                let base = attributes + 5 * index
                guard let local = base[0], cStringEquals(cString(local), name), let start = base[3], let end = base[4]
                else { continue }
                return UnsafeBufferPointer(start: start, count: end - start)
            }
            return nil
        }

        /// Without entity substitution libxml2 hands on an attribute's `&` as `&#38;` (so that a tree could keep
        /// entity references); every other character comes decoded.
        private static func decodedAmpersands(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            let escaped = Array("&#38;".utf8)
            var decoded: [UInt8] = []
            decoded.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "&"), index + escaped.count <= bytes.count,
                    bytes[index..<index + escaped.count].elementsEqual(escaped)
                {
                    decoded.append(UInt8(ascii: "&"))
                    index += escaped.count
                } else {
                    decoded.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: decoded, as: UTF8.self)
        }
    }

    private let context: xmlParserCtxtPtr
    private let source: any XMLChunkSource
    private let state: State
    /// Prefix for locations in errors, nil for a plain file.
    let partName: String?
    private var ended = false

    /// What the C callbacks reach through the parser's user data.
    private final class State {
        /// Held strongly: a handler holds no parser, so there is no cycle, and a weak reference gives the handler a
        /// side table that sends every retain and release down the slow path (a quarter of inspect's time in perf).
        let handler: any XMLPushHandler
        var depth = 0
        /// Where a DOCTYPE was met; nil when none was.
        var documentTypeLine: Int?
        let errors = XMLErrorCollector()
        /// A handler has stopped the parse.
        var stopped = false
        /// What a handler's checks found wrong, and the line the parser was on.
        var failure: (problem: ReadError.Problem, line: Int)?
        /// An error a handler met reading something else, thrown as it is.
        var failureElsewhere: ReadError?

        init(handler: any XMLPushHandler) {
            self.handler = handler
        }

        /// Halts the parser where a handler stopped it: no further events, not even from the rest of the chunk.
        func stop(_ stop: Stop, context: UnsafeMutableRawPointer) {
            switch stop {
            case .finished: break
            case .failed(let problem): failure = (problem, Int(xmlSAX2GetLineNumber(context)))
            case .failedElsewhere(let error): failureElsewhere = error
            }
            stopped = true
            xmlStopParser(context.assumingMemoryBound(to: xmlParserCtxt.self))
        }

        /// The state kept in the parser context's `_private` (the callbacks' user data is the context).
        static func of(_ context: UnsafeMutableRawPointer) -> State {
            unmanaged(context).takeUnretainedValue()
        }

        /// Calls `body` with the state, not retained: the parser holds it through the parse, and a retain and a
        /// release on each of millions of events cost more than the handler's work.
        static func with(_ context: UnsafeMutableRawPointer, _ body: (State) -> Void) {
            unmanaged(context)._withUnsafeGuaranteedRef(body)
        }

        private static func unmanaged(_ context: UnsafeMutableRawPointer) -> Unmanaged<State> {
            Unmanaged<State>.fromOpaque(context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private)
        }
    }

    /// Parses the regular file at `path`.
    convenience init(path: String, handler: any XMLPushHandler, partName: String? = nil) throws(ReadError) {
        try self.init(source: XMLFileChunks(path: path), handler: handler, partName: partName)
    }

    /// Parses what `source` hands on; `partName` prefixes the lines in errors (a part of a zip).
    init(source: any XMLChunkSource, handler: any XMLPushHandler, partName: String? = nil) throws(ReadError) {
        state = State(handler: handler)
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { user, localName, _, namespace, _, _, attributeCount, _, attributes in
            guard let user, let localName else { return }
            State.with(user) { state in
                let element = Element(
                    context: user, localName: localName, namespace: namespace, attributeCount: Int(attributeCount),
                    attributes: attributes)
                do throws(Stop) {
                    try state.handler.startElement(element, depth: state.depth)
                } catch {
                    state.stop(error, context: user)
                }
                state.depth += 1
            }
        }
        sax.endElementNs = { user, _, _, _ in
            guard let user else { return }
            State.with(user) { state in
                state.depth -= 1
                do throws(Stop) {
                    try state.handler.endElement(depth: state.depth)
                } catch {
                    state.stop(error, context: user)
                }
            }
        }
        sax.characters = { user, bytes, count in
            guard let user, let bytes else { return }
            State.with(user) { state in
                state.handler.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
            }
        }
        // The same callback for blanks between elements: libxml2 then hands every text on as it is.
        sax.ignorableWhitespace = sax.characters
        // Excel never writes a DOCTYPE; one is how entity bombs and external entities (XXE) come in.
        sax.internalSubset = { user, _, _, _ in
            guard let user else { return }
            let state = State.of(user)
            state.documentTypeLine = Int(xmlSAX2GetLineNumber(user))
            // Stopped here, before its declarations are parsed.
            xmlStopParser(user.assumingMemoryBound(to: xmlParserCtxt.self))
        }
        sax.serror = { user, error in
            guard let user, let error else { return }
            let state = State.of(user)
            guard state.errors.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            // libxml2's own words (English), kept as a detail beside our message.
            let message = error.pointee.message.map {
                String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            state.errors.first = XMLErrorCollector.Report(
                message: message?.isEmpty == false ? message : nil, line: Int(error.pointee.line),
                code: error.pointee.code)
        }
        // No user data: libxml2 then hands the callbacks the context itself, which holds the state.
        guard let context = xmlCreatePushParserCtxt(&sax, nil, nil, 0, nil) else {
            throw ReadError(.cannotParseXML(part: partName))
        }
        context.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        xmlCtxtUseOptions(context, XMLStreamReader.parseOptions)
        self.context = context
        self.source = source
        self.partName = partName
    }

    deinit {
        xmlFreeParserCtxt(context)
    }

    /// Parses the next chunk, handing its events on; false once the document has ended or a handler has finished
    /// with it.
    func feed() throws(ReadError) -> Bool {
        guard !ended else { return false }
        try source.withNextChunk { chunk in
            ended = chunk.isEmpty
            let bytes = chunk.baseAddress?.assumingMemoryBound(to: CChar.self)
            _ = xmlParseChunk(context, bytes, Int32(chunk.count), ended ? 1 : 0)
        }
        if let line = state.documentTypeLine { throw ReadError(.documentType, at: location(line: line)) }
        // libxml2's error first: after a fatal one no handler is called, so it came before anything a handler found.
        if let error = state.errors.first {
            throw ReadError(
                .malformedXML(parserMessage: error.message, fault: error.fault), at: location(line: error.line))
        }
        if state.stopped {
            ended = true
            if let failure = state.failure { throw ReadError(failure.problem, at: location(line: failure.line)) }
            if let error = state.failureElsewhere { throw error }
            return false
        }
        if ended && context.pointee.wellFormed == 0 {
            throw ReadError(.malformedXML(parserMessage: nil), at: location(line: Int(xmlSAX2GetLineNumber(context))))
        }
        return !ended
    }

    /// Parses the whole file, or up to where a handler finished with it.
    func parseToEnd() throws(ReadError) {
        while try feed() {}
    }

    private func location(line: Int) -> ReadError.Location {
        partName.map { .partLine($0, line: line) } ?? .line(line)
    }
}
