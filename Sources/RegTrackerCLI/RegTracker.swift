import Foundation
import ArgumentParser
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
            // A usage error in the CLI's language; help and version requests print as the library prints them.
            // (An `ExitCode` a command throws after saying why has no message: nothing more is printed.)
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code != .success, Language.current == .chinese, !text.isEmpty {
                FileHandle.standardError.write(Data((Strings.parserMessage(text, in: .chinese) + "\n").utf8))
                exit(withError: code)
            }
            exit(withError: error)
        }
    }
}
