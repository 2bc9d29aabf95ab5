import RegTrackerCore

/// The messages of `report --county` and `report --by county` (SPEC 8), in English and Chinese (one `Strings.Key`
/// case, `.counties`).
enum CountyText: Sendable {
    /// The roster has no county column.
    case rosterHasNone
    /// A name that is not a county of the roster, with the roster's counties.
    case unknown(String, known: [String])
    /// `--county` and `--by county` given together.
    case countyWithBy
    /// `--by county` with `--out`: the county table is printed, not written.
    /// A township name given on the command line that several counties share.
    case townshipInSeveral(String, counties: [String])
    /// `tokens create --township NAME` without `--county`, for a name several counties share (issue 19).
    case tokenTownshipInSeveral(String, counties: [String])
    /// `--township NAME --county NAME` where that county has no such township.
    case townshipNotInCounty(String, county: String)
    case title(county: String, target: String, date: String)
    case countiesTitle(target: String, date: String)

    var pair: (String, String) {
        switch self {
        case .rosterHasNone:
            (
                "the roster has no county column (县, 县（区）, 县市区, 区县 or county); import a roster with a county "
                    + "column to see figures by county",
                "人口底数没有县（区）列；请导入带“县（区）”列的人口底数后再按县（区）查看"
            )
        case .unknown(let name, let known):
            (
                "\(name) is not a county of the roster; give one of: \(known.joined(separator: ", "))",
                "\(name) 不是人口底数中的县（区）；请给出以下之一：\(known.joined(separator: "、"))"
            )
        case .countyWithBy:
            (
                "--county ranks one county's townships and --by county ranks the counties; give only one of them",
                "--county 是某个县（区）的乡镇排名，--by county 是各县（区）排名；请只给出其中一个"
            )
        case .townshipInSeveral(let name, let counties):
            (
                "\(name) is a township of several counties (\(counties.joined(separator: ", "))), so it names none of "
                    + "them alone; name its county: --county \(counties[0]), or write \(TownshipFigures.label(name, county: counties[0]))",
                "\(name) 在多个县（区）都有（\(counties.joined(separator: "、"))），无法确定是哪一个；"
                    + "请用 --county \(counties[0]) 指明县（区），或写作 \(TownshipFigures.label(name, county: counties[0]))"
            )
        case .tokenTownshipInSeveral(let name, let counties):
            (
                "\(name) is a township of several counties (\(counties.joined(separator: ", "))); name its county: "
                    + "tokens create --township \(name) --county \(counties[0])",
                "\(name) 在多个县（区）都有（\(counties.joined(separator: "、"))）；请同时给出县（区）："
                    + "tokens create --township \(name) --county \(counties[0])"
            )
        case .townshipNotInCounty(let name, let county):
            (
                "\(name) is not a township of \(county) in the roster; see regtracker report --county \(county)",
                "\(name) 不是人口底数中\(county)的乡镇；见 regtracker report --county \(county)"
            )
        case .title(let county, let target, let date):
            (
                "\(county): townships by registration rate (target \(target)), \(date)",
                "\(county)注册率排名（目标 \(target)，\(date)）"
            )
        case .countiesTitle(let target, let date):
            ("counties by registration rate (target \(target)), \(date)", "各县（区）注册率排名（目标 \(target)，\(date)）")
        }
    }
}
