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
            let code = exitCode(for: error)
            if code != .success, Language.current == .chinese {
                let message = Strings.parserMessage(fullMessage(for: error), in: Language.chinese)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                exit(withError: code)
            }
            exit(withError: error)
        }
    }
}
