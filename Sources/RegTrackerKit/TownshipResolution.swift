import RegTrackerCore

/// Where the township of a registration list's rows came from (SPEC 1.2), as `import --json` names it.
public enum TownshipSource: String, Sendable, Equatable {
    /// Each row's own township cell.
    case column
    /// `--township`, for rows whose cell is missing or empty.
    case option
    /// The title rows above the header.
    case title
    /// The file's base name.
    case fileName = "file_name"
}

/// The township a registration list names when it has no township column (SPEC 1.2): `--township`, else the roster
/// name or alias in its title rows, else in its file name.
enum TownshipResolution {
    /// The township to give rows whose cell is missing or empty (nil: none), and where it came from.
    static func resolve(
        file: String, hasColumn: Bool, option: String?, title: String, roster: Roster
    ) throws(ImportError) -> (township: String?, source: TownshipSource) {
        if let option { return (option, .option) }
        if hasColumn { return (nil, .column) }
        guard !roster.townships.isEmpty else {
            throw ImportError(file: file, problem: .noTownshipColumn(.noRoster))
        }
        let name = Self.baseName(file)
        for (text, source) in [(title, TownshipSource.title), (name, .fileName)] {
            switch TownshipInText.find(in: text, roster: roster) {
            case .township(let township): return (township, source)
            case .ambiguous(let townships):
                throw ImportError(
                    file: file, problem: .noTownshipColumn(.ambiguous(townships, title: source == .title ? text : nil)))
            case .none: continue
            }
        }
        throw ImportError(file: file, problem: .noTownshipColumn(.notNamed))
    }

    /// `白沙镇-11月.xlsx` → `白沙镇-11月`.
    static func baseName(_ file: String) -> String {
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}
