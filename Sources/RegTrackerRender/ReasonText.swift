import RegTrackerCore

/// The words of every `Reason`, in the language passed in (SPEC 7). Personal numbers in values quoted from a file
/// (a township cell, an invalid list's reason) are masked.
public enum ReasonText {
    public static func text(_ reason: Reason, in language: Language) -> String {
        switch reason {
        case .nameMissing: language.pick("name (姓名) is missing", "缺少姓名")
        case .idStoredAsNumber:
            language.pick("ID number stored as a number; digits lost", "身份证号被存成数字，末几位已丢失（请将该列设为文本后重填）")
        case .idNotText: language.pick("ID number is not text", "身份证号不是文本")
        case .idFifteenNotDigits: language.pick("ID number: 15 characters but not all digits", "身份证号为 15 位，但不全是数字")
        case .idLength(let characters):
            language.pick("ID number has \(characters) characters; expected 18", "身份证号为 \(characters) 位，应为 18 位")
        case .idCharacters:
            language.pick("ID number has characters other than digits and a final X", "身份证号含数字和末位 X 以外的字符")
        case .idCheckDigit: language.pick("ID number check digit is wrong", "身份证号校验位不符")
        case .idBirthDate(let date):
            language.pick(
                "ID number birth date \(date) is not a real date up to today", "身份证号中的出生日期 \(date) 不是今天以前的真实日期")
        case .phoneStoredAsNumber: language.pick("phone number stored as a number; digits lost", "手机号码被存成数字，位数已丢失")
        case .phoneNotText: language.pick("phone number is not text", "手机号码不是文本")
        case .phoneScientific:
            language.pick("phone number in scientific notation; digits lost", "手机号码显示为科学计数法，位数已丢失")
        case .phoneNotMobile:
            language.pick(
                "phone number is not an 11-digit mobile number starting 13–19", "手机号码不是以 13–19 开头的 11 位手机号")
        case .verdictUnrecognised: language.pick("unrecognised verdict (截图核验)", "截图核验结果无法识别")
        case .noIDOrPhone:
            language.pick(
                "no valid unmasked ID number or phone, so the person cannot be told apart",
                "没有有效且未打码的身份证号或手机号码，无法确认是哪一个人")
        case .townshipMissing:
            language.pick("township (乡镇) is missing; fill it in or import with --township", "未填写乡镇，请补填")
        case .townshipNotInRoster(let township, let suggestion, let county?):
            language.pick(
                "township \"\(masked(township))\" is not a township of \(county) in the roster"
                    + (suggestion.map { "; did you mean \"\($0)\"?" } ?? ""),
                "乡镇“\(masked(township))”不是人口底数中\(county)的乡镇" + (suggestion.map { "，是否为“\($0)”？" } ?? ""))
        case .townshipNotInRoster(let township, let suggestion, nil):
            language.pick(
                "township \"\(masked(township))\" is not in the roster" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? ""),
                "乡镇“\(masked(township))”不在人口底数名单中" + (suggestion.map { "，是否为“\($0)”？" } ?? ""))
        case .townshipInSeveralCounties(let township, let counties):
            language.pick(
                "township \"\(masked(township))\" is in several counties (\(counties.joined(separator: ", "))); "
                    + "name the county in a county column (县) or import with --county",
                "乡镇“\(masked(township))”在多个县（区）都有：\(counties.joined(separator: "、"))，请填写县（区）列或导入时加 --county")
        case .countyNotInRoster(let county, let suggestion):
            language.pick(
                "county \"\(masked(county))\" is not in the roster"
                    + (suggestion.map { "; did you mean \"\($0)\"?" } ?? ""),
                "县（区）“\(masked(county))”不在人口底数名单中" + (suggestion.map { "，是否为“\($0)”？" } ?? ""))
        case .flagged: language.pick("screenshot marked invalid (截图核验)", "截图核验为无效")
        case .duplicate(let name, let county, let file, let sheet, let row):
            language.pick(
                "duplicate of a valid row of \(TownshipFigures.label(name, county: county)) (\(place(file, sheet))"
                    + ", row \(row))",
                "与\(TownshipFigures.label(name, county: county))的有效行重复（\(place(file, sheet))，第 \(row) 行）")
        case .listed(let file, let row, let listReason):
            language.pick(
                "on the invalid list \(file), row \(row)" + (listReason.isEmpty ? "" : ": \(masked(listReason))"),
                "列入无效名单（\(file)，第 \(row) 行）" + (listReason.isEmpty ? "" : "：\(masked(listReason))"))
        case .legacy(let text): masked(text)
        }
    }

    /// Several problems of one row, in the order found.
    public static func text(_ reasons: [Reason], in language: Language) -> String {
        reasons.map { text($0, in: language) }.joined(separator: language.pick("; ", "；"))
    }

    /// The codes of several problems of one row: `id_check_digit+phone_not_mobile`.
    public static func code(_ reasons: [Reason]) -> String { reasons.map(\.code).joined(separator: "+") }

    /// `白沙镇.xlsx › 河坝村`: the sheet of a workbook read sheet by sheet.
    public static func place(_ file: String, _ sheet: String?) -> String { file + (sheet.map { " › \($0)" } ?? "") }

    private static func masked(_ text: String) -> String { Mask.digits(in: text) }
}
