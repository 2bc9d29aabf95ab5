/// Why a row does not count, as a value (SPEC 2, SPEC 7): a problem with the row's own cells, or the reason of its
/// outcome. Stored as `code` and `values`, never as text; `ReasonText` (RegTrackerRender) renders it in either
/// language.
public enum Reason: Sendable, Hashable {
    case nameMissing
    /// A spreadsheet number of other than 15 digits, or scientific notation: the last digits are gone.
    case idStoredAsNumber
    case idNotText
    case idFifteenNotDigits
    case idLength(characters: Int)
    case idCharacters
    case idCheckDigit
    /// `birthDate` as the ID number has it (`2099-01-01`, `1980-02-31`).
    case idBirthDate(String)
    case phoneStoredAsNumber
    case phoneNotText
    case phoneScientific
    case phoneNotMobile
    case verdictUnrecognised
    /// Neither a valid unmasked ID number nor phone: the person cannot be told apart.
    case noIDOrPhone
    case townshipMissing
    /// `county`: the county the row names (SPEC 8), whose townships it is not among; nil when it names none.
    case townshipNotInRoster(township: String, suggestion: String?, county: String? = nil)
    /// SPEC 8: the township name is in several counties of the roster and the row names no county; the counties.
    case townshipInSeveralCounties(township: String, counties: [String])
    /// SPEC 8: the county the row names is not in the roster; the nearest county name.
    case countyNotInRoster(county: String, suggestion: String?)
    case flagged
    /// The earlier valid row with the same ID number or phone; `county` is its township's (SPEC 8), nil where the
    /// roster has no county column.
    case duplicate(township: String, county: String?, file: String, sheet: String?, row: Int)
    /// The invalid-list entry that names the row, with the list's own reason text (may be empty).
    case listed(file: String, row: Int, reason: String)
    /// Text stored by a release before reasons were codes that could not be read back.
    case legacy(String)

    /// The stable identifier: stored, and given by `rejects --json` as `reason_code`.
    public var code: String {
        switch self {
        case .nameMissing: "name_missing"
        case .idStoredAsNumber: "id_stored_as_number"
        case .idNotText: "id_not_text"
        case .idFifteenNotDigits: "id_15_not_digits"
        case .idLength: "id_length"
        case .idCharacters: "id_characters"
        case .idCheckDigit: "id_check_digit"
        case .idBirthDate: "id_birth_date"
        case .phoneStoredAsNumber: "phone_stored_as_number"
        case .phoneNotText: "phone_not_text"
        case .phoneScientific: "phone_scientific"
        case .phoneNotMobile: "phone_not_mobile"
        case .verdictUnrecognised: "verdict_unrecognised"
        case .noIDOrPhone: "no_id_or_phone"
        case .townshipMissing: "township_missing"
        case .townshipNotInRoster: "township_not_in_roster"
        case .townshipInSeveralCounties: "township_in_several_counties"
        case .countyNotInRoster: "county_not_in_roster"
        case .flagged: "flagged"
        case .duplicate: "duplicate"
        case .listed: "listed"
        case .legacy: "legacy"
        }
    }

    /// The values the reason names, by name, in a fixed order; absent optional values are left out.
    public var values: [(name: String, value: String)] {
        switch self {
        case .idLength(let characters): [("characters", String(characters))]
        case .idBirthDate(let date): [("birth_date", date)]
        case .townshipNotInRoster(let township, let suggestion, let county):
            [("township", township)] + (suggestion.map { [("suggestion", $0)] } ?? [])
                + (county.map { [("county", $0)] } ?? [])
        case .townshipInSeveralCounties(let township, let counties):
            [("township", township), ("counties", counties.joined(separator: "、"))]
        case .countyNotInRoster(let county, let suggestion):
            [("county", county)] + (suggestion.map { [("suggestion", $0)] } ?? [])
        case .duplicate(let township, let county, let file, let sheet, let row):
            [("township", township)] + (county.map { [("county", $0)] } ?? []) + [("file", file)]
                + (sheet.map { [("sheet", $0)] } ?? []) + [("row", String(row))]
        case .listed(let file, let row, let reason): [("file", file), ("row", String(row)), ("list_reason", reason)]
        case .legacy(let text): [("text", text)]
        case .nameMissing, .idStoredAsNumber, .idNotText, .idFifteenNotDigits, .idCharacters, .idCheckDigit,
            .phoneStoredAsNumber, .phoneNotText, .phoneScientific, .phoneNotMobile, .verdictUnrecognised, .noIDOrPhone,
            .townshipMissing, .flagged:
            []
        }
    }

    /// The reason a code and its values stand for; nil when the code is unknown or a value it needs is missing.
    public init?(code: String, values: [String: String]) {
        func number(_ name: String) -> Int? { values[name].flatMap { Int($0) } }
        switch code {
        case "name_missing": self = .nameMissing
        case "id_stored_as_number": self = .idStoredAsNumber
        case "id_not_text": self = .idNotText
        case "id_15_not_digits": self = .idFifteenNotDigits
        case "id_length":
            guard let characters = number("characters") else { return nil }
            self = .idLength(characters: characters)
        case "id_characters": self = .idCharacters
        case "id_check_digit": self = .idCheckDigit
        case "id_birth_date":
            guard let date = values["birth_date"] else { return nil }
            self = .idBirthDate(date)
        case "phone_stored_as_number": self = .phoneStoredAsNumber
        case "phone_not_text": self = .phoneNotText
        case "phone_scientific": self = .phoneScientific
        case "phone_not_mobile": self = .phoneNotMobile
        case "verdict_unrecognised": self = .verdictUnrecognised
        case "no_id_or_phone": self = .noIDOrPhone
        case "township_missing": self = .townshipMissing
        case "township_not_in_roster":
            guard let township = values["township"] else { return nil }
            self = .townshipNotInRoster(township: township, suggestion: values["suggestion"], county: values["county"])
        case "township_in_several_counties":
            guard let township = values["township"], let counties = values["counties"] else { return nil }
            self = .townshipInSeveralCounties(
                township: township, counties: counties.split(separator: "、").map(String.init))
        case "county_not_in_roster":
            guard let county = values["county"] else { return nil }
            self = .countyNotInRoster(county: county, suggestion: values["suggestion"])
        case "flagged": self = .flagged
        case "duplicate":
            guard let township = values["township"], let file = values["file"], let row = number("row") else {
                return nil
            }
            self = .duplicate(
                township: township, county: values["county"], file: file, sheet: values["sheet"], row: row)
        case "listed":
            guard let file = values["file"], let row = number("row") else { return nil }
            self = .listed(file: file, row: row, reason: values["list_reason"] ?? "")
        case "legacy":
            guard let text = values["text"] else { return nil }
            self = .legacy(text)
        default: return nil
        }
    }
}
