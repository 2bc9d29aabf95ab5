import ArgumentParser
import RegTrackerKit
import RegTrackerStore

/// Puts a backup copy in place of the database, after checking it; the database as it was is kept beside it.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a backup copy, after checking it; the old database is kept beside it.",
        discussion: """
            FILE must pass SQLite's integrity check and be a regtracker database whose schema this version knows; \
            otherwise nothing changes. The database as it was is kept as <db>.before-restore-YYYY-MM-DDTHHMMSS. \
            The replacement is one transaction: the dashboard and other runs see the old or the new database.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The backup copy to restore.")
    var file: String

    func run() throws {
        let database = try global.databaseFile()
        let old: String?
        do {
            old = try BackupService(database: database).restore(file)
        } catch let failure as SQLiteBackup.Failure {
            throw CommandFailure(.backup(.failure(failure)), in: global.language)
        }
        if let old {
            global.say(.backup(.restored(file: file, database: database, old: old)))
        } else {
            global.say(.backup(.restoredNew(file: file, database: database)))
        }
    }
}
