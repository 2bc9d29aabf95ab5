import Dispatch

/// Store reads block on SQLite; they run on a Dispatch thread so that the concurrency pool keeps serving.
enum BlockingRead {
    static func value<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }
}
