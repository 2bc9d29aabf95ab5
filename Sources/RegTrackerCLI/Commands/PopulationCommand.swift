import ArgumentParser
import RegTrackerKit

struct PopulationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "population", abstract: Help.text(.populationAbstract),
        subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.text(.populationImportAbstract))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var reading: ReadingOptions

        @Flag(help: Help.argument(.populationForce))
        var force = false

        @Argument(help: Help.argument(.populationFile))
        var file: String

        func run() throws {
            let result = RosterImport(store: try global.openStore(), clock: global.clock)
                .run(path: file, options: reading.readOptions, force: force)
            guard case .rejected = result else { return ImportOutput.tell(result, global: global) }
            throw CommandFailure(ImportOutput.line(result, in: global.language))
        }
    }
}
