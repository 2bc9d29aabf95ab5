import ArgumentParser
import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerRender
import RegTrackerStore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: Help.argument(.database))
    var db: String?

    @Flag(name: .long, help: Help.argument(.quiet))
    var quiet = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The language of every message (SPEC 7), read from the locale at the CLI's entry and passed down.
    var language: Language { .current }

    var database: DatabaseAddress { DatabaseAddress(databaseText) }

    private var databaseText: String { db ?? environment["REGTRACKER_DB"] ?? "regtracker.sqlite" }

    func validate() throws {
        if !DatabaseAddress.isWellFormed(databaseText) {
            throw ValidationError(Strings.text(.badDatabaseURL(databaseText), in: language))
        }
    }

    var clock: Clock { .system(environment: environment) }

    /// The database for writing, created and migrated on first use; `creating: false` refuses one that is not there.
    func openStore(creating: Bool = true) throws -> any RegistryStore {
        do {
            return try creating ? database.open() : database.openWithoutCreating()
        } catch {
            throw CommandFailure(Failure.message(for: error, in: language) ?? "\(error)")
        }
    }

    /// The existing database, opened read-only for the commands that only read (SPEC 3): never created, never
    /// migrated, never waiting for a writer. Failures are `DatabaseOpeningError`, worded by `Failure`.
    func openExistingStore() throws -> any RegistryStore {
        try database.openExisting()
    }

    /// The database file, for the commands that copy it; a database on a server is refused, naming its own tools.
    func databaseFile() throws -> String {
        guard let path = database.filePath else {
            throw CommandFailure(.backup(.notAFile(database.name)), in: language)
        }
        return path
    }

    /// Whether the database was named (`--db` or `REGTRACKER_DB`) rather than taken by default.
    var databaseNamed: Bool { db != nil || environment["REGTRACKER_DB"].map { !$0.isEmpty } == true }

    func say(_ text: String) {
        if !quiet { Console.out(text) }
    }

    func say(_ key: Strings.Key) { say(Strings.text(key, in: language)) }
}

/// `--encoding` and `--sheet`, for the commands that read files.
struct ReadingOptions: ParsableArguments {
    @Option(help: Help.argument(.encoding))
    var encoding: Checked<ReadOptions.Encoding>?

    @Option(help: Help.argument(.sheet))
    var sheet: ReadOptions.SheetSelector?

    func validate() throws {
        if let encoding {
            try encoding.check { _ in
                Strings.text(
                    .badChoice(option: "--encoding", text: encoding.text, choices: ["utf-8", "gb18030"]), in: .current)
            }
        }
    }

    var readOptions: ReadOptions { ReadOptions(encoding: encoding?.value, sheet: sheet) }
}

/// Any text names a sheet: digits its position, anything else its name.
extension ReadOptions.SheetSelector: ExpressibleByArgument {
    public init(argument: String) { self.init(argument) }
}

/// `--target`: the global target for townships without their own.
struct TargetOption: ParsableArguments {
    @Option(help: Help.argument(.target))
    var target: Checked<Target>?

    func validate() throws {
        if let target { try target.check { _ in Strings.text(.badTarget(target.text), in: .current) } }
    }

    var value: Target { target?.value ?? .default }
}

enum Console {
    static func out(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
        } catch {
            // The reader went away (`regtracker report | head`): end as a pipe's writer does, by SIGPIPE, silently,
            // rather than with the trap of a failed write (something in the process ignores SIGPIPE).
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("regtracker: " + text + "\n").utf8))
    }

    static func error(_ key: Strings.Key, in language: Language) { error(Strings.text(key, in: language)) }
}
