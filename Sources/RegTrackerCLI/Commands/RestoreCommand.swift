import ArgumentParser
import RegTrackerKit
import RegTrackerStore

/// Puts a backup copy in place of the database, after checking it; the database as it was is kept beside it.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: Help.text(.restoreAbstract),
        discussion: Help.text(.restoreDiscussion))

    @OptionGroup var global: GlobalOptions

    @Argument(help: Help.argument(.restoreFile))
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
