import NIOCore
import NIOHTTPTypes

/// Closes a connection that does not send a whole request in time (issue 20: 300 half-sent requests held the
/// server): from its opening, and from a request's head to its end, `requestTimeout`; from a response to the next
/// request head, `idleTimeout`. No clock runs while a request is being answered.
final class RequestTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let requestTimeout: TimeAmount
    private let idleTimeout: TimeAmount
    private var closing: Scheduled<Void>?
    /// Requests read whole and not yet answered (HTTP/1.1 may pipeline them).
    private var unanswered = 0
    private var readingRequest = false

    init(requestTimeout: Duration, idleTimeout: Duration) {
        self.requestTimeout = TimeAmount(requestTimeout)
        self.idleTimeout = TimeAmount(idleTimeout)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { closeUnlessHeard(context, within: requestTimeout) }
    }

    func handlerRemoved(context: ChannelHandlerContext) { cancel() }

    func channelActive(context: ChannelHandlerContext) {
        closeUnlessHeard(context, within: requestTimeout)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancel()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            readingRequest = true
            closeUnlessHeard(context, within: requestTimeout)
        case .body: break
        case .end:
            readingRequest = false
            unanswered += 1
            cancel()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            unanswered = max(0, unanswered - 1)
            if unanswered == 0, !readingRequest { closeUnlessHeard(context, within: idleTimeout) }
        }
        context.write(data, promise: promise)
    }

    private func closeUnlessHeard(_ context: ChannelHandlerContext, within time: TimeAmount) {
        cancel()
        closing = context.eventLoop.assumeIsolated().scheduleTask(in: time) { context.close(promise: nil) }
    }

    private func cancel() {
        closing?.cancel()
        closing = nil
    }
}

@available(*, unavailable)
extension RequestTimeoutHandler: Sendable {}
