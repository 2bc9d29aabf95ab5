import RegTrackerCore
import RegTrackerIO
import RegTrackerRender

extension ImportError {
    /// The problem in `language`, without the file name (SPEC 7: problems inside a file in the CLI's language).
    public func message(in language: Language) -> String {
        let text: String =
            switch problem {
            case .unreadable(let error): ReadErrorText.text(error, in: language)
            case .header(let error): HeaderErrorText.text(error, in: language)
            case .rosterRow(let error): RosterRowErrorText.text(error, in: language)
            case .emptyRoster:
                language.pick("the roster has no township rows; add one row per township", "人口底数中没有乡镇行；请每个乡镇一行")
            case .losesRows(let lost):
                language.pick(
                    "this roster would leave rows unassigned that the current roster assigns — "
                        + lost.map { "\($0.township): \($0.rows) \($0.rows == 1 ? "row" : "rows") (\($0.valid) valid)" }
                        .joined(separator: "; ")
                        + "; keep the old name as an alias (别名) of its township, or import with --force",
                    "这份人口底数会使现有人口底数已匹配的行变为未匹配乡镇："
                        + lost.map { "\($0.township) \($0.rows) 行（有效 \($0.valid) 行）" }.joined(separator: "；")
                        + "；请把旧名称作为该乡镇的别名保留，或用 --force 导入")
            case .noSheet(let kind, let reports):
                language.pick(
                    "no sheet of the workbook holds a \(kind.noun(in: language)) with a header row: "
                        + reports.map { "“\($0.name)” (\(Self.skipName($0.skip, in: language)))" }.joined(
                            separator: ", ")
                        + "; add a header row with column names such as 姓名, 身份证号, 手机号码, or name the sheet with --sheet",
                    "工作簿中没有带表头行的\(kind.noun(in: language))工作表："
                        + reports.map { "“\($0.name)”（\(Self.skipName($0.skip, in: language))）" }.joined(separator: "，")
                        + "；请加一行表头（列名如 姓名、身份证号、手机号码），或用 --sheet 指定工作表")
            case .noTownshipColumn(.noRoster):
                language.pick(
                    "the list has no township column (乡镇) and no population roster is imported yet to recognise "
                        + "the township in its title or file name; import the roster first, or import with --township NAME",
                    "名单没有乡镇列，且尚未导入人口底数，无法从标题或文件名识别乡镇；请先导入人口底数，或用 --township 乡镇名 导入")
            case .noTownshipColumn(.ambiguous(let townships, let title)):
                language.pick(
                    "the list has no township column (乡镇), and "
                        + (title.map { "its title “\($0)”" } ?? "its file name")
                        + " names \(townships.joined(separator: " and ")) alike; "
                        + "import it with --township NAME, or add a township column",
                    "名单没有乡镇列，且" + (title.map { "标题“\($0)”" } ?? "文件名") + "同时提到"
                        + townships.joined(separator: "和") + "；请用 --township 乡镇名 导入，或加一列乡镇")
            case .noTownshipColumn(.inAnotherCounty(let township, let county, let named)):
                language.pick(
                    "the list has no township column (乡镇); its title or file name names the county \(named) and "
                        + "\(township), which is a township of \(county), not of \(named); import it with --county and "
                        + "--township, or add a township column",
                    "名单没有乡镇列；标题或文件名写的是\(named)，而其中的\(township)属于\(county)，不属于\(named)；"
                        + "请用 --county 和 --township 导入，或加一列乡镇")
            case .noTownshipColumn(.notNamed):
                language.pick(
                    "the list has no township column (乡镇), and neither its title nor its file name names a township "
                        + "of the roster; import it with --township NAME, or add a township column",
                    "名单没有乡镇列，标题和文件名中也没有人口底数里的乡镇；请用 --township 乡镇名 导入，或加一列乡镇")
            case .unknownCounty(let name, let known) where known.isEmpty:
                language.pick(
                    "--county \(name): the roster has no county column (县), so a list cannot name a county; import "
                        + "without --county, or import a roster with a county column first",
                    "--county \(name)：人口底数没有县（区）列，名单不能指定县（区）；请去掉 --county 导入，或先导入带县（区）列的人口底数")
            case .unknownCounty(let name, let known):
                language.pick(
                    "--county \(name) is not a county of the roster; the counties are \(known.joined(separator: ", "))",
                    "--county \(name) 不是人口底数中的县（区）；现有县（区）：\(known.joined(separator: "、"))")
            case .store(let error): StoreErrorText.text(error, in: language)
            case .unexpected(let detail):
                language.pick(
                    "the file could not be imported (\(detail)); run the import again, and report it if it persists",
                    "无法导入此文件（\(detail)）；请重新导入，如仍出错请报告")
            }
        guard let sheet else { return text }
        return language.pick("sheet “\(sheet)”: \(text)", "工作表“\(sheet)”：\(text)")
    }

    /// Why a sheet of a workbook was passed over; also in the import's sheet lines.
    public static func skipName(_ skip: SheetReport.Skip?, in language: Language) -> String {
        switch skip {
        case .hidden: language.pick("hidden", "隐藏的工作表")
        case .veryHidden: language.pick("very hidden", "深度隐藏的工作表")
        case .notWorksheet: language.pick("a chart, not a worksheet", "图表，不是工作表")
        case .excludedName(let word): language.pick("its name says \(word)", "表名含“\(word)”")
        case .noHeader, nil: language.pick("no header row", "没有表头行")
        }
    }
}
