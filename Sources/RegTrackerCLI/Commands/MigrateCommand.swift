import ArgumentParser
import RegTrackerStore

/// Brings a database made by an earlier version up to date, so that the commands that only read can open it.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: Help.text(.migrateAbstract))

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let path = global.database.name
        let applied = try global.database.migrate()
        global.say(Strings.text(applied.isEmpty ? .upToDate(path: path) : .migrated(path: path, migrations: applied), in: global.language))
    }
}
