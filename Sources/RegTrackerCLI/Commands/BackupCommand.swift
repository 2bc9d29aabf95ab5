import ArgumentParser
import RegTrackerKit
import RegTrackerStore

/// A consistent, dated copy of the database, safe while an import runs; keeps the newest N in a folder.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database consistently (safe while an import runs), keeping the newest copies.",
        discussion: """
            DEST is a folder (created with mode 0700 if missing) that receives regtracker-YYYY-MM-DDTHHMMSS.sqlite, \
            named by local time, or a file ending in .sqlite or .db, replaced atomically. Copies have mode 0600 and \
            hold the same personal data as the database. The database is only read; a missing one is an error.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Keep the newest N copies in the folder and delete older ones (0 keeps every copy).")
    var keep = BackupService.defaultKeep

    @Argument(help: "The backup folder, or a file ending in .sqlite or .db.")
    var destination: String

    func validate() throws {
        if keep < 0 { throw ValidationError(Strings.text(.backup(.badKeep(keep)), in: global.language)) }
    }

    func run() throws {
        let database = try global.databaseFile()
        let result: BackupService.Result
        do {
            result = try BackupService(database: database).backup(to: destination, keep: keep)
        } catch let failure as SQLiteBackup.Failure {
            throw CommandFailure(.backup(.failure(failure)), in: global.language)
        }
        global.say(.backup(.copied(from: database, to: result.path)))
        for path in result.removed { global.say(.backup(.pruned(path))) }
    }
}
