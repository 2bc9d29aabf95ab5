import ArgumentParser
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender
import RegTrackerStore

/// The one place that turns an error a person can act on into its message and exit status 1; anything else is
/// left to ArgumentParser (usage errors, `ExitCode`).
enum Failure {
    static func message(for error: any Error, in language: Language) -> String? {
        switch error {
        case let error as DatabaseOpeningError:
            switch error.code {
            case .noDatabase: Strings.text(.noDatabase(path: error.path), in: language)
            case .needsMigration: Strings.text(.needsMigration(path: error.path), in: language)
            case .notRegTracker: Strings.text(.notRegTracker(path: error.path), in: language)
            }
        case let failure as CommandFailure: failure.message
        case is NoRosterError, is NoticeService.NoRoster: Strings.text(.noRoster, in: language)
        case let error as ReportFileError: ReportFileErrorText.text(error, in: language)
        case let error as StoreError: StoreErrorText.text(error, in: language)
        default: nil
        }
    }
}

/// A refusal a command words itself, in the reader's language: printed as `regtracker: …`, exit status 1.
struct CommandFailure: Error {
    var message: String

    init(_ message: String) { self.message = message }

    init(_ key: Strings.CommandKey, in language: Language) { message = Strings.text(key, in: language) }

    init(_ key: Strings.Key, in language: Language) { message = Strings.text(key, in: language) }
}
