import ArgumentParser
import RegTrackerCore
import RegTrackerKit
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
        case is NoRosterError: Strings.text(.noRoster, in: language)
        case let error as StoreError:
            if let code = error.code, let path = error.path {
                Strings.text(.storeFailure(code, path: path), in: language)
            } else {
                error.description
            }
        default: nil
        }
    }
}
