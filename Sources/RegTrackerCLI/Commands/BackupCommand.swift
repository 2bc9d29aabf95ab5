import ArgumentParser
import RegTrackerKit
import RegTrackerStore

/// A consistent, dated copy of the database, safe while an import runs; keeps the newest N in a folder.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: Help.text(.backupAbstract),
        discussion: Help.text(.backupDiscussion))

    @OptionGroup var global: GlobalOptions

    @Option(help: Help.argument(.backupKeep))
    var keep = BackupService.defaultKeep

    @Argument(help: Help.argument(.backupDestination))
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
