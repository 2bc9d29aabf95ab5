import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// The catalogue's texts about what an import made of a file: sheets, the township a file names, skipped rows,
/// warnings and roster changes, in English and Chinese.
extension Strings {
    enum Intake: Sendable {
        case warning(ImportWarning, file: String)
        case sheetRead(SheetReport)
        case sheetSkipped(SheetReport)
        /// Where a list's townships came from (SPEC 1.2); `township` is the name given to rows without one of their own.
        case township(String?, from: NameSource)
        /// A list whose rows each name their township.
        /// The county a list named in its title or file name (SPEC 8).
        case county(String, from: NameSource)
        case skipped([SkippedRowReason: Int])
        case rosterChanges(RosterChanges)
        case rowsLost([RowsLost])
        case villageRowsLost([VillageRowsLost])
        case inspectTownship(String?, from: NameSource?)
        case inspectSkippedRow(ShownRow)
        case inspectSheetRow(sheet: String?, Int, String)
        case unreadableFolder(String)
        case purgeJournalBusy(Int64)
    }

    static func text(_ key: Intake, in language: Language) -> String {
        let (english, chinese) = pair(key)
        return language == .chinese ? chinese : english
    }

    private static func pair(_ key: Intake) -> (String, String) {
        switch key {
        case .warning(let warning, let file): warningPair(warning, file: file)
        case .sheetRead(let sheet):
            {
                let source = sheet.townshipFrom.map { townshipPair(sheet.township, from: $0) }
                return (
                    "sheet “\(sheet.name)”: \(counted(sheet.rows, "row"))" + (source.map { ", " + $0.0 } ?? ""),
                    "工作表“\(sheet.name)”：\(sheet.rows) 行" + (source.map { "，" + $0.1 } ?? "")
                )
            }()
        case .sheetSkipped(let sheet):
            ("sheet “\(sheet.name)” skipped: \(skipName(sheet.skip, .english))",
             "工作表“\(sheet.name)”未读：\(skipName(sheet.skip, .chinese))")
        case .township(let township, let source): townshipPair(township, from: source)
        case .county(let county, let source):
            (
                "county \(county), from the \(sourceName(source, option: "--county", .english))",
                "县（区）“\(county)”取自\(sourceName(source, option: "--county", .chinese))"
            )
        case .skipped(let counts):
            (
                "skipped " + SkippedRowReason.allCases.compactMap { reason in
                    counts[reason].map { "\($0) \(skippedName(reason, .english))" }
                }.joined(separator: ", "),
                "跳过 " + SkippedRowReason.allCases.compactMap { reason in
                    counts[reason].map { "\(skippedName(reason, .chinese)) \($0) 行" }
                }.joined(separator: "、")
            )
        case .rosterChanges(let changes): rosterPair(changes)
        case .inspectTownship(let township, let source): inspectTownshipPair(township, source)
        case .inspectSkippedRow(let row): inspectSkippedRowPair(row)
        case .inspectSheetRow(let sheet, let number, let text):
            ("row \(place(sheet, number)): \(text)", "\(chinesePlace(sheet, number))：\(text)")
        case .purgeJournalBusy(let batch):
            (
                "batch \(batch)'s rows are deleted, but a reader (the dashboard?) kept the database's -wal journal open "
                    + "for more than a minute: copies of them stay in it until it closes; stop the reader and run "
                    + "`regtracker retract \(batch) --purge` again",
                "第 \(batch) 批的各行已删除，但有读取程序（看板？）占用数据库的 -wal 日志超过一分钟，其副本在日志中保留到它关闭；"
                    + "请停止该程序后再次运行 `regtracker retract \(batch) --purge`"
            )
        case .unreadableFolder(let path):
            ("\(path): the folder cannot be read; check its permissions", "\(path)：无法读取该文件夹，请检查权限")
        case .villageRowsLost(let lost):
            (
                "rows no longer matched to a village (they still count for their township): "
                    + lost.map { "\($0.township) \($0.village) \(counted($0.rows, "row")) (\($0.valid) valid)" }
                    .joined(separator: "; ")
                    + "; keep the old village name as an alias (别名) if it is the same village",
                "以下行不再匹配到村（社区）（仍计入所属乡镇）："
                    + lost.map { "\($0.township)\($0.village) \($0.rows) 行（其中有效 \($0.valid) 行）" }.joined(separator: "；")
                    + "；如是同一村（社区），请把旧名称填入别名"
            )
        case .rowsLost(let lost):
            (
                "now unassigned (--force): "
                    + lost.map { "\($0.township) \(counted($0.rows, "row")) (\($0.valid) valid)" }.joined(separator: "; "),
                "以下行现为未匹配乡镇（--force）："
                    + lost.map { "\($0.township) \($0.rows) 行（其中有效 \($0.valid) 行）" }.joined(separator: "；")
            )
        }
    }

    /// Where a list's townships came from: a name the title, file name or `--township` gave every row; each row's
    /// township column, with `--township`'s name for its empty cells.
    private static func townshipPair(_ township: String?, from source: NameSource) -> (String, String) {
        switch (source, township) {
        case (.column, nil): ("townships from the township column", "乡镇取自乡镇列")
        case (.column, let township?):
            ("townships from the township column, its empty cells \(township) from the --township option",
             "乡镇取自乡镇列，空白处按 --township 参数记为“\(township)”")
        case (_, let township):
            ("township \(township ?? ""), from the \(sourceName(source, .english))",
             "乡镇“\(township ?? "")”取自\(sourceName(source, .chinese))")
        }
    }

    private static func inspectTownshipPair(_ township: String?, _ source: NameSource?) -> (String, String) {
        if source == .column, let township {
            return (
                "township: from each row's township column; empty cells \(township) (from the --township option)",
                "乡镇：取自各行的乡镇列；空白处记为“\(township)”（取自 --township 参数）"
            )
        }
        if let township, let source {
            return (
                "township: \(township) (from the \(sourceName(source, .english)))",
                "乡镇：\(township)（取自\(sourceName(source, .chinese))）"
            )
        }
        if source == .column { return ("township: from each row's township column", "乡镇：取自各行的乡镇列") }
        return (
            "township: no township column; import takes it from the title or file name, which is checked "
                + "against a roster only with a database (--db)",
            "乡镇：无乡镇列；导入时从标题或文件名中识别，需有数据库（--db）中的人口底数才能核对"
        )
    }

    /// `河坝村!12` in a workbook read sheet by sheet, `12` otherwise.
    private static func place(_ sheet: String?, _ number: Int) -> String {
        (sheet.map { "\($0)!" } ?? "") + "\(number)"
    }

    /// `工作表“河坝村”第 12 行`, `第 12 行`.
    private static func chinesePlace(_ sheet: String?, _ number: Int) -> String {
        (sheet.map { "工作表“\($0)”" } ?? "") + "第 \(number) 行"
    }

    private static func inspectSkippedRowPair(_ row: ShownRow) -> (String, String) {
        let reason = row.skipReason.map { (skippedName($0, .english), skippedName($0, .chinese)) }
        return (
            "row \(place(row.sheet, row.number)): \(row.text)" + (reason.map { " (\($0.0))" } ?? ""),
            "\(chinesePlace(row.sheet, row.number))：\(row.text)" + (reason.map { "（\($0.1)）" } ?? "")
        )
    }

    /// A warning names its file (several files are imported at once, and their warnings all go to stderr), but for
    /// the roster missing, which is the database's.
    private static func warningPair(_ warning: ImportWarning, file: String) -> (String, String) {
        let (english, chinese) = warningText(warning, file: file)
        switch warning {
        case .noRoster, .noDataRows, .mostlyInvalid: return (english, chinese)
        default: return ("\(file): " + english, "\(file)：" + chinese)
        }
    }

    private static func warningText(_ warning: ImportWarning, file: String) -> (String, String) {
        switch warning {
        case .noRoster:
            ("no population roster loaded yet: every row is unassigned until one is imported",
             "尚未导入人口底数：导入之前，所有行均为未匹配乡镇")
        case .noDataRows:
            ("\(file): the file has no data rows", "\(file)：文件没有数据行")
        case .mostlyInvalid(let rows, let total, let reason):
            (
                "\(file): \(rows) of \(total) rows are invalid for one reason: \(ReasonText.text([reason], in: .english))",
                "\(file)：\(total) 行中有 \(rows) 行因同一原因无效：\(ReasonText.text([reason], in: .chinese))"
            )
        case .unreadVerdictColumn(let header, let sheet):
            (
                (sheet.map { "sheet “\($0)”: " } ?? "")
                    + "column “\(header)” looks like a screenshot verdict but is not read; "
                    + "name it 截图核验 if it judges the screenshot",
                (sheet.map { "工作表“\($0)”：" } ?? "")
                    + "“\(header)”列像是截图核验结果，但未被读取；如该列是截图核验结果，请将列名改为“截图核验”"
            )
        case .nothingReplaced:
            ("--replace: no batch of this file name to replace; imported as a new batch",
             "--replace：没有同名批次可替换，已作为新批次导入")
        case .unknownTownshipOption(let name, let suggestion):
            ("--township \(name) is not in the roster: rows without a township of their own are unassigned"
                + (suggestion.map { "; did you mean \($0)?" } ?? ""),
             "--township \(name) 不在人口底数中：未填乡镇的行均未归属" + (suggestion.map { "；是否应为“\($0)”？" } ?? ""))
        case .townshipOptionInSeveralCounties(let name, let counties):
            ("--township \(name) is a township of several counties (\(counties.joined(separator: ", "))): rows without "
                + "a township of their own are unassigned; name the county with --county",
             "--township \(name) 在多个县（区）都有（\(counties.joined(separator: "、"))）：未填乡镇的行均未归属；"
                + "请用 --county 指明县（区）")
        case .unusableEntries(let count):
            ("\(count) entries have no valid ID number or phone and can match no row",
             "\(count) 条无有效身份证号或手机号，不会匹配任何行")
        case .unknownTownships(let townships):
            ("entries name townships (or counties) not in the roster and match no row: "
                + townships.joined(separator: ", "),
             "以下乡镇（或县（区））不在人口底数中，其条目不会匹配任何行：" + townships.joined(separator: "、"))
        case .townshipsOfSeveralCounties(let townships):
            ("entries name " + townships.joined(separator: ", ")
                + " without a county, and several counties have that township: they apply to each; "
                + "add a county column (县) to name one",
             "条目中的" + townships.joined(separator: "、") + "未写明所属县，而多个县都有该乡镇：这些条目对每个县的该乡镇都适用；"
                + "如只针对其中一个，请加“县”列写明")
        }
    }

    /// Where a township (or, with `option: "--county"`, a county) came from, after "from the" and 取自.
    private static func sourceName(
        _ source: NameSource?, option: String = "--township", _ language: Language
    ) -> String {
        let chinese = language == .chinese
        return switch source {
        case .title: chinese ? "标题" : "title"
        case .fileName: chinese ? "文件名" : "file name"
        case .option: chinese ? " \(option) 参数" : "\(option) option"
        case .column, nil: chinese ? "乡镇列" : "township column"
        }
    }

    private static func skipName(_ skip: SheetReport.Skip?, _ language: Language) -> String {
        ImportError.skipName(skip, in: language)
    }

    private static func skippedName(_ reason: SkippedRowReason, _ language: Language) -> String {
        let chinese = language == .chinese
        return switch reason {
        case .blank: chinese ? "空行（无姓名、身份证号、手机号）" : "blank rows (no name, ID number or phone)"
        case .markers: chinese ? "签名、备注行" : "signature or note lines"
        case .nameMarker: chinese ? "姓名栏为合计、备注或联系人的行" : "totals, note or contact lines in the name column"
        case .totals: chinese ? "合计行" : "totals rows"
        }
    }

    private static func rosterPair(_ changes: RosterChanges) -> (String, String) {
        if changes.isEmpty { return ("roster unchanged", "人口底数无变化") }
        var english: [String] = []
        var chinese: [String] = []
        if !changes.added.isEmpty {
            english.append("added " + changes.added.joined(separator: ", "))
            chinese.append("新增 " + changes.added.joined(separator: "、"))
        }
        if !changes.dropped.isEmpty {
            english.append("dropped " + changes.dropped.joined(separator: ", "))
            chinese.append("删除 " + changes.dropped.joined(separator: "、"))
        }
        if !changes.renamed.isEmpty {
            english.append("renamed " + changes.renamed.map { "\($0.from) → \($0.to)" }.joined(separator: ", "))
            chinese.append("更名 " + changes.renamed.map { "\($0.from) → \($0.to)" }.joined(separator: "、"))
        }
        if !changes.populations.isEmpty {
            english.append(
                "population " + changes.populations.map { "\($0.township) \($0.from) → \($0.to)" }.joined(separator: ", "))
            chinese.append(
                "实有人口 " + changes.populations.map { "\($0.township) \($0.from) → \($0.to)" }.joined(separator: "、"))
        }
        if !changes.targets.isEmpty {
            func text(_ target: Target?, _ global: String) -> String { target?.percentText ?? global }
            english.append(
                "target " + changes.targets.map { "\($0.township) \(text($0.from, "global")) → \(text($0.to, "global"))" }
                    .joined(separator: ", "))
            chinese.append(
                "目标 " + changes.targets.map { "\($0.township) \(text($0.from, "默认")) → \(text($0.to, "默认"))" }
                    .joined(separator: "、"))
        }
        if !changes.counties.isEmpty {
            func text(_ county: String?, _ none: String) -> String { county ?? none }
            english.append(
                "county " + changes.counties.map { "\($0.township) \(text($0.from, "none")) → \(text($0.to, "none"))" }
                    .joined(separator: ", "))
            chinese.append(
                "所属县 " + changes.counties.map { "\($0.township) \(text($0.from, "无")) → \(text($0.to, "无"))" }
                    .joined(separator: "、"))
        }
        let (villageEnglish, villageChinese) = villagePairs(changes)
        english += villageEnglish
        chinese += villageChinese
        return ("roster changes: " + english.joined(separator: "; "), "人口底数变化：" + chinese.joined(separator: "；"))
    }

    /// The village lines of a roster's changes (SPEC 5), each in English and Chinese.
    private static func villagePairs(_ changes: RosterChanges) -> ([String], [String]) {
        var english: [String] = []
        var chinese: [String] = []
        func places(_ list: [RosterChanges.VillagePlace], _ separator: String) -> String {
            list.map { "\($0.township) \($0.village)" }.joined(separator: separator)
        }
        if !changes.villagesAdded.isEmpty {
            english.append("villages added " + places(changes.villagesAdded, ", "))
            chinese.append("新增村（社区） " + places(changes.villagesAdded, "、"))
        }
        if !changes.villagesDropped.isEmpty {
            english.append("villages dropped " + places(changes.villagesDropped, ", "))
            chinese.append("删除村（社区） " + places(changes.villagesDropped, "、"))
        }
        if !changes.villagePopulations.isEmpty {
            let list = changes.villagePopulations.map {
                "\($0.place.township) \($0.place.village) \($0.from) → \($0.to)"
            }
            english.append("village population " + list.joined(separator: ", "))
            chinese.append("村（社区）实有人口 " + list.joined(separator: "、"))
        }
        if !changes.villageTargets.isEmpty {
            func text(_ target: Target?, _ inherited: String) -> String { target?.percentText ?? inherited }
            let place = { (change: RosterChanges.VillageTargetChange) in
                "\(change.place.township) \(change.place.village)"
            }
            english.append(
                "village target "
                    + changes.villageTargets.map {
                        "\(place($0)) \(text($0.from, "township's")) → \(text($0.to, "township's"))"
                    }
                    .joined(separator: ", "))
            chinese.append(
                "村（社区）目标 "
                    + changes.villageTargets.map { "\(place($0)) \(text($0.from, "随乡镇")) → \(text($0.to, "随乡镇"))" }
                    .joined(separator: "、"))
        }
        return (english, chinese)
    }
}
