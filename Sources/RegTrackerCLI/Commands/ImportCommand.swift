import ArgumentParser
import RegTrackerCore
import RegTrackerKit

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Help.text(.importAbstract))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reading: ReadingOptions

    @Option(help: Help.argument(.importTownship))
    var township: String?

    @Option(help: Help.argument(.importCounty))
    var county: String?

    @Flag(help: Help.argument(.importReplace))
    var replace = false

    @Flag(help: Help.argument(.importJSON))
    var json = false

    @Argument(help: Help.argument(.importPaths))
    var paths: [String]

    func run() throws {
        let store = try global.openStore()
        let importer = RegistrationImport(store: store, clock: global.clock)
        var results: [ImportResult] = []
        var problems: [String] = []
        let entries = Inbox.expand(paths)
        var progress = ImportProgress(
            files: entries.filter { if case .file = $0 { true } else { false } }.count, quiet: global.quiet,
            language: global.language)
        for entry in entries {
            switch entry {
            case .missing(let raw):
                let path = PrintableName.escaped(raw)
                // The JSON summary is for programs: its problems stay in English.
                problems.append(Strings.text(.noSuchPath(path), in: global.language))
                Console.error(.noSuchPath(path), in: global.language)
            case .emptyFolder(let path):
                if !global.quiet { Console.error(.emptyFolder(PrintableName.escaped(path)), in: global.language) }
            case .unreadable(let raw):
                let path = PrintableName.escaped(raw)
                problems.append(Strings.text(.unreadableFolder(path), in: global.language))
                Console.error(Strings.text(.unreadableFolder(path), in: global.language))
            case .file(let path):
                progress.start(path)
                var fileImporter = importer
                fileImporter.progress = { [progress] rows in progress.rows(rows) }
                let result = fileImporter.run(
                    path: path, options: reading.readOptions, township: township, county: county,
                    replace: replace)
                progress.finish(result)
                results.append(result)
                report(result)
            }
        }
        if json { Console.out(ImportOutput.json(results, problems: problems, in: global.language).rendered()) }
        let rejected = results.contains { if case .rejected = $0 { true } else { false } }
        if rejected || !problems.isEmpty { throw ExitCode(1) }
    }

    private func report(_ result: ImportResult) {
        if case .rejected = result {
            Console.error(ImportOutput.line(result, in: global.language))
        } else {
            ImportOutput.tell(result, global: global, json: json)
        }
    }
}
