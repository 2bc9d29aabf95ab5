import RegTrackerCore

/// Where the township (SPEC 1.2) or the county (SPEC 8) of a registration list's rows came from, as `import --json`
/// names it.
public enum NameSource: String, Sendable, Equatable {
    /// Each row's own cell.
    case column
    /// `--township` or `--county`, for rows whose cell is missing or empty.
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
    /// `county`: the county the list names (SPEC 8), whose townships alone its title or file name can name.
    static func resolve(
        file: String, hasColumn: Bool, option: String?, title: String, roster wholeRoster: Roster, county: String?
    ) throws(ImportError) -> (township: String?, source: NameSource) {
        let roster = CountyResolution.townships(of: wholeRoster, county: county)
        // With a township column, `--township` only fills its empty cells: the townships come from the column.
        if let option { return (option, hasColumn ? .column : .option) }
        if hasColumn { return (nil, .column) }
        guard !roster.townships.isEmpty else {
            throw ImportError(file: file, problem: .noTownshipColumn(.noRoster))
        }
        let name = Self.baseName(file)
        for (text, source) in [(title, NameSource.title), (name, .fileName)] {
            switch TownshipInText.find(in: text, roster: roster) {
            case .township(let township): return (township, source)
            case .ambiguous(let townships):
                throw ImportError(
                    file: file, problem: .noTownshipColumn(.ambiguous(townships, title: source == .title ? text : nil)))
            case .none: continue
            }
        }
        // A township of another county than the one named is not this list's: the message says where it is.
        if let county {
            for text in [title, name] {
                if case .township(let other) = TownshipInText.find(in: text, roster: wholeRoster),
                    let index = wholeRoster.index(named: other), let otherCounty = wholeRoster.townships[index].county
                {
                    throw ImportError(
                        file: file, problem: .noTownshipColumn(.inAnotherCounty(other, county: otherCounty, named: county)))
                }
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

/// The county a registration list names (SPEC 8): `--county`, else each row's county cell, else the roster county
/// name in its title rows, else in its file name. Unlike the township, a list need not name a county: its townships
/// are then matched across the whole roster, and only a name several counties share leaves rows unassigned.
enum CountyResolution {
    /// The county (its roster name) to give rows whose cell is missing or empty, and where it came from; both nil
    /// when the list names none or the roster has no counties.
    static func resolve(
        file: String, hasColumn: Bool, option: String?, title: String, roster: Roster
    ) throws(ImportError) -> (county: String?, source: NameSource?) {
        if let option {
            guard let county = roster.county(named: option) else {
                throw ImportError(file: file, problem: .unknownCounty(option, known: roster.counties))
            }
            return (county, .option)
        }
        guard roster.hasCounties else { return (nil, nil) }
        if hasColumn { return (nil, .column) }
        for (text, source) in [(title, NameSource.title), (TownshipResolution.baseName(file), .fileName)] {
            if let county = CountyInText.find(in: text, roster: roster) { return (county, source) }
        }
        return (nil, nil)
    }

    /// The townships a list naming `county` can name in its title or file name: that county's (SPEC 8).
    static func townships(of roster: Roster, county: String?) -> Roster {
        guard let county, roster.hasCounties else { return roster }
        return Roster(townships: roster.townships.filter { $0.county == county })
    }
}
