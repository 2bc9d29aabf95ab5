import ArgumentParser
import RegTrackerKit

struct InvalidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invalid", abstract: Help.text(.invalidAbstract), subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.text(.invalidImportAbstract))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var reading: ReadingOptions

        @Argument(help: Help.argument(.invalidFiles))
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
