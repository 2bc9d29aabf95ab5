import ArgumentParser
import RegTrackerKit

struct InvalidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invalid", abstract: "Invalid lists (无效名单).", subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import invalid lists; rows they name stop counting, whenever they were imported.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var reading: ReadingOptions

        @Argument(help: "Invalid-list files.")
        var files: [String]

        func run() throws {
            let importer = InvalidListImport(store: try global.openStore(), clock: global.clock)
            var failed = false
            for file in files {
                let result = importer.run(path: file, options: reading.readOptions)
                if case .rejected = result {
                    failed = true
                    Console.error(ImportOutput.line(result, in: global.language))
                } else {
                    ImportOutput.tell(result, global: global)
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
