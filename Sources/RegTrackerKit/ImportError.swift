import RegTrackerCore
import RegTrackerIO

/// Why a whole file was rejected: it names the file, the place and what to do. Nothing of the file is stored.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    init(file: String, _ error: ReadError) { self.init(file: file, message: error.description) }
    /// The header error quotes the cells it saw, which may be the first person's ID number or phone: masked.
    init(file: String, _ error: HeaderError) { self.init(file: file, message: Mask.digits(in: error.description)) }

    public var description: String { "\(file): \(message)" }
}
