import ArgumentParser
import Foundation
import RegTrackerCore
import RegTrackerRender

@main
struct RegTracker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regtracker",
        abstract: Help.text(.regtrackerAbstract),
        discussion: Help.text(.regtrackerDiscussion),
        version: BuildInfo.versionLine,
        subcommands: [
            PopulationCommand.self, ImportCommand.self, InvalidCommand.self, RateCommand.self, ReportCommand.self,
            ShortfallCommand.self, RejectsCommand.self, MissingCommand.self, BatchesCommand.self, RetractCommand.self,
            GenerateSamplesCommand.self, InspectCommand.self,
            TrendCommand.self, ServeCommand.self, TokensCommand.self, MigrateCommand.self,
            NoticeCommand.self, VillagesCommand.self,
            BackupCommand.self, RestoreCommand.self, CheckCommand.self,
        ])

    @OptionGroup var global: GlobalOptions

    /// ArgumentParser's own `main`, with the errors of `Failure` printed as `regtracker: …` and exit status 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if let message = Failure.message(for: error, in: Language.current) {
                Console.error(message)
                exit(withError: ExitCode(1))
            }
            // A usage error in the CLI's language, with the command meant where a mistyped one is the problem; help
            // and version requests print as the library prints them. (An `ExitCode` a command throws after saying
            // why has no message: nothing more is printed.)
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code != .success, !text.isEmpty {
                let told = Strings.parserMessage(Self.suggestingCommand(in: text), in: Language.current)
                FileHandle.standardError.write(Data((told + "\n").utf8))
                exit(withError: code)
            }
            exit(withError: error)
        }
    }

    /// `regtracker reprot`: argument-parser calls the mistyped command an unexpected argument; when it is the
    /// first word after the global options and near a command's name, the message names that command too.
    static func suggestingCommand(in message: String) -> String {
        // "Unexpected argument 'reprot'" or "2 unexpected arguments: 'improt', 'a.csv'": the first one quoted.
        let firstLine = message.prefix { $0 != "\n" }
        guard firstLine.hasPrefix("Error: "), firstLine.contains("nexpected argument"),
            let open = firstLine.firstIndex(of: "'"),
            let close = firstLine[firstLine.index(after: open)...].firstIndex(of: "'")
        else { return message }
        let word = String(firstLine[firstLine.index(after: open)..<close])
        var arguments = CommandLine.arguments.dropFirst()
        while let first = arguments.first, first.hasPrefix("-") {
            arguments.removeFirst()
            if first == "--db" { arguments = arguments.dropFirst() }
        }
        let names = configuration.subcommands.map { $0._commandName }
        guard arguments.first == word, !names.contains(word),
            let closest = names.min(by: { EditDistance.between(word, $0) < EditDistance.between(word, $1) }),
            EditDistance.between(word, closest) <= 2
        else { return message }
        return firstLine + ". Did you mean '\(closest)'?" + message.dropFirst(firstLine.count)
    }
}
