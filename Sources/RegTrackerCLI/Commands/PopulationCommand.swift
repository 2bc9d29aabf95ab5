import ArgumentParser
import RegTrackerKit

struct PopulationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "population", abstract: "The population roster (人口底数).",
        subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the roster; it replaces the previous one whole and every row is counted again.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var reading: ReadingOptions

        @Flag(help: "Import even though rows the current roster assigns would become unassigned.")
        var force = false

        @Argument(help: "The roster file.")
        var file: String

        func run() throws {
            let result = RosterImport(store: try global.openStore(), clock: global.clock)
                .run(path: file, options: reading.readOptions, force: force)
            guard case .rejected = result else { return ImportOutput.tell(result, global: global) }
            throw CommandFailure(ImportOutput.line(result, in: global.language))
        }
    }
}
