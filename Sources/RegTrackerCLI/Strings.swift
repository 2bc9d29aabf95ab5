import Foundation
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender
import RegTrackerStore

extension Language {
    /// The CLI's language, read from the locale once at its entry (SPEC 7).
    static let current = Language(environment: ProcessInfo.processInfo.environment)
}

/// Every summary, label and error the CLI prints, in English and Chinese side by side. Errors that come from the
/// import itself (`ImportError`) are worded by `ImportErrorText` (Kit), in the same language.
enum Strings {
    /// `1 row`, `2 rows`: an English count and its noun (Chinese has no plural).
    static func counted(_ count: some BinaryInteger, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }

    enum Key: Sendable {
        case wrote(path: String)
        case warning(String)
        // import
        case alreadyImported(file: String, batch: Int64)
        case rejected(file: String, reason: String)
        case batchSummary(file: String, batch: Int64, rows: Int, kind: FileKind)
        case outcomeCount(OutcomeKind, Int)
        case skippedRows(Int)
        case replacesBatches([Int64])
        case reevaluated(Int)
        case noSuchPath(String)
        case emptyFolder(String)
        case progressStart(index: Int, count: Int, file: String)
        case progressDone(index: Int, count: Int, file: String, rows: Int, seconds: Double)
        case progressRows(index: Int, count: Int, file: String, rows: Int, seconds: Double)
        // batches
        case batchActive
        case batchRetractedAt(String)
        case noSuchBatch(Int64)
        case alreadyRetracted(batch: Int64, file: String, at: String)
        // townships
        case unknownTownship(String, suggestion: String?)
        case populationZero(String)
        // report, shortfall
        case reportTitle(target: String, date: String)
        /// 未报送: the last submission cell of a township with no registration rows in any active batch.
        case neverSubmitted
        /// 较上期: the sentence under the ranked table naming the notice compared with.
        case changeNote(period: String, end: CivilDate, issued: CivilDate)
        case unassignedRows(Int64)
        case shortfallTitle(target: String, below: Int, of: Int)
        case everyTownshipMet
        /// `shortfall --county` without `--by-village`: the county belongs to the township of `--by-village`.
        case countyOnlyWithByVillage
        case unknownFormat(String)
        case badTarget(String)
        /// `--db` or `$REGTRACKER_DB` starts like a PostgreSQL URL but lacks its user or database.
        case badDatabaseURL(String)
        /// A value of an option that takes one of a few words (`--encoding`, `--outcome`, `--by`).
        case badChoice(option: String, text: String, choices: [String])
        // rate
        case rateLine(township: String, rate: String, valid: Int64, population: Int64, target: String, required: Int64)
        case rankLine(rank: Int, of: Int)
        case noRank
        case needsMore(Int64)
        case targetMet(surplus: Int64)
        case reportedLine(OutcomeCounts)
        case rejectedByReason
        case rejectedNone
        case rejectedGroup(OutcomeKind, Int)
        case rejectedReason([Reason], Int)
        case lastSubmission(String?)
        case seeRejects(String)
        // rejects
        case rowsNotCounted(Int)
        case outcome(OutcomeKind)
        // missing
        case badDate(String)
        case missingTitle(since: String, count: Int, of: Int)
        case nobodyMissing(since: String)
        case missingLine(township: String, last: String?)
        // inspect
        case inspectBadRows(Int)
        case inspectCSV(file: String, encoding: String, delimiter: String, lineEndings: String)
        case inspectFormat(file: String, format: String)
        case inspectDelimiter(String)
        case inspectSheets([String], chosen: String?)
        case inspectAlreadyImported(Int64)
        case inspectHeader(row: Int, rows: Int)
        case inspectUnmapped([String])
        case inspectTitles(Int)
        case inspectSkippedBelow(Int)
        case inspectBlankOrMore(Int)
        case inspectRow(Int, String)
        case inspectDataRows(total: Int, shown: Int)
        /// The outcome a row would get on its own; nil when it passes its own checks.
        case inspectCheck(OutcomeKind?, reasons: [Reason])
        case inspectCheckCount(OutcomeKind?, Int)
        case inspectCheckCounts(String)
        case inspectTownshipNotChecked
        // backup, restore (Strings+Backup.swift)
        case backup(BackupText)
        // check (Strings+Check.swift)
        case check(CheckText)
        // villages (Strings+Villages.swift)
        case villages(VillageText)
        case counties(CountyText)
    }

    static func text(_ key: Key, in language: Language) -> String {
        let (english, chinese) = pair(key)
        return language == .chinese ? chinese : english
    }

    private static func pair(_ key: Key) -> (String, String) {
        switch key {
        case .wrote(let path): ("wrote \(path)", "已写入 \(path)")
        case .warning(let text): ("warning: \(text)", "注意：\(text)")
        case .backup(let text): text.pair
        case .check(let text): text.pair
        case .villages(let text): text.pair
        case .counties(let text): text.pair

        case .alreadyImported(let file, let batch):
            ("\(file): already imported as batch \(batch); nothing to do", "\(file)：已作为第 \(batch) 批导入，无需再导入")
        case .rejected(let file, let reason): ("\(file): rejected: \(reason)", "\(file)：整份未导入：\(reason)")
        case .batchSummary(let file, let batch, let rows, let kind):
            switch kind {
            case .registrations: ("\(file): batch \(batch), \(counted(rows, "row"))", "\(file)：第 \(batch) 批，\(rows) 行")
            case .roster:
                ("\(file): batch \(batch), \(counted(rows, "township"))", "\(file)：第 \(batch) 批，\(rows) 个乡镇")
            case .invalidList:
                ("\(file): batch \(batch), \(counted(rows, "invalid-list entry", plural: "invalid-list entries"))", "\(file)：第 \(batch) 批，无效名单 \(rows) 条")
            }
        case .outcomeCount(let kind, let count):
            ("\(count) \(kind.name.replacingOccurrences(of: "_", with: " "))", "\(kind.label) \(count)")
        case .skippedRows(let count):
            (
                "skipped \(counted(count, "row")) that \(count == 1 ? "is" : "are") not data",
                "跳过 \(count) 行非数据行（合计、备注、签名、空行）"
            )
        case .replacesBatches(let batches):
            (
                "replaces batch " + batches.map(String.init).joined(separator: ", "),
                "替换第 " + batches.map(String.init).joined(separator: "、") + " 批"
            )
        case .reevaluated(let count): ("\(counted(count, "earlier row")) changed outcome", "此前 \(count) 行的结果随之改变")
        case .noSuchPath(let path): ("\(path): no such file or folder; check the path", "\(path)：文件或文件夹不存在，请检查路径")
        case .emptyFolder(let path):
            (
                "\(path): no .csv, .txt, .xml, .xlsx, .xls or .et files to import",
                "\(path)：没有可导入的 .csv、.txt、.xml、.xlsx、.xls 或 .et 文件"
            )
        case .progressStart(let index, let count, let file):
            ("[\(index)/\(count)] \(file) …", "[\(index)/\(count)] \(file) …")
        case .progressRows(let index, let count, let file, let rows, let seconds):
            (
                "[\(index)/\(count)] \(file): \(rows) rows, \(perSecond(rows, seconds)) rows/s …",
                "[\(index)/\(count)] \(file)：已读 \(rows) 行，每秒 \(perSecond(rows, seconds)) 行 …"
            )
        case .progressDone(let index, let count, let file, let rows, let seconds):
            (
                "[\(index)/\(count)] \(file): \(rows) rows in \(decimal(seconds)) s (\(perSecond(rows, seconds)) rows/s)",
                "[\(index)/\(count)] \(file)：\(rows) 行，用时 \(decimal(seconds)) 秒（每秒 \(perSecond(rows, seconds)) 行）"
            )

        case .batchActive: ("active", "有效")
        case .batchRetractedAt(let time): ("retracted \(time)", "已撤回 \(time)")
        case .noSuchBatch(let batch):
            ("there is no batch \(batch); see `regtracker batches`", "没有第 \(batch) 批；请用 `regtracker batches` 查看")
        case .alreadyRetracted(let batch, let file, let time):
            ("batch \(batch) (\(file)) was already retracted at \(time)", "第 \(batch) 批（\(file)）已于 \(time) 撤回")

        case .unknownTownship(let name, let suggestion):
            (
                "\(name) is not a township of the roster" + (suggestion.map { "; did you mean \($0)?" } ?? ""),
                "\(name) 不是人口底数中的乡镇" + (suggestion.map { "；是否是指 \($0)？" } ?? "")
            )
        case .populationZero(let township):
            (
                "warning: \(township) has population 0 in the roster: no rate and no rank",
                "注意：\(township) 在人口底数中的实有人口为 0，无注册率、无排名"
            )

        case .reportTitle(let target, let date):
            ("townships by registration rate (target \(target)), \(date)", "注册率排名（目标 \(target)，\(date)）")
        case .neverSubmitted: ("never", "未报送")
        case .changeNote(let period, let end, let issued):
            (
                "change: against the \(period) notice (figures to \(end.iso8601Unchecked), issued "
                    + "\(issued.iso8601Unchecked)); a positive rank change is a move up",
                "较上期：与 \(period) 通报（截至\(ChineseDates.day(end))，\(ChineseDates.day(issued))印发）比较；名次变化为正表示上升。"
            )
        case .unassignedRows(let count):
            ("unassigned rows (township not in the roster): \(count)", "未匹配乡镇的行（乡镇不在人口底数中）：\(count)")
        case .shortfallTitle(let target, let below, let of):
            (
                "townships below target (target \(target)): \(below) of \(of), worst rate first",
                "未达标乡镇（目标 \(target)）：\(of) 个中 \(below) 个"
            )
        case .everyTownshipMet: ("every township meets its target", "所有乡镇均已达标")
        case .countyOnlyWithByVillage:
            (
                "--county names the county of the township of --by-village; give --by-village TOWNSHIP with it",
                "--county 用于指明 --by-village 所给乡镇的县（区）；请同时给出 --by-village 乡镇名"
            )
        case .unknownFormat(let name):
            ("unknown format \(name); choose from md, csv, html, xlsx", "未知格式 \(name)；可选 md、csv、html、xlsx")
        case .badTarget(let text):
            (
                "--target \(text) is not a target above 0% and at most 100%, with at most 6 decimals as a percentage or "
                    + "8 as a fraction (50%, 0.5 or 50)",
                "--target \(text) 不是有效目标：须大于 0% 且不超过 100%，百分数小数不超过 6 位、小数形式不超过 8 位（如 50%、0.5 或 50）"
            )
        case .badDatabaseURL(let text):
            (
                "--db \(text) is not a PostgreSQL URL: write postgres://USER@HOST[:PORT]/DATABASE "
                    + "(or ?host=/socket/folder for a Unix socket; ?sslmode= takes disable, allow, prefer, require, "
                    + "verify-ca or verify-full)",
                "--db \(text) 不是有效的 PostgreSQL 地址：应写作 postgres://用户@主机[:端口]/数据库"
                    + "（Unix 套接字用 ?host=/套接字目录；?sslmode= 可取 disable、allow、prefer、require、verify-ca、verify-full）"
            )
        case .badChoice(let option, let text, let choices):
            (
                "\(option) \(text): give one of \(choices.joined(separator: ", "))",
                "\(option) \(text)：请给出 \(choices.joined(separator: "、")) 之一"
            )

        case .rateLine(let township, let rate, let valid, let population, let target, let required):
            (
                "\(township): rate \(rate) (\(valid) valid of population \(population)); "
                    + "target \(target) = \(required) valid registrations",
                "\(township)：注册率 \(rate)（有效 \(valid) 人 / 实有人口 \(population) 人）；目标 \(target)，即有效 \(required) 人"
            )
        case .rankLine(let rank, let of): ("rank \(rank) of \(of)", "排名：第 \(rank) 名（共 \(of) 个乡镇）")
        case .noRank: ("no rank: population is 0", "无排名：实有人口为 0")
        case .needsMore(let count):
            ("needs \(count) more valid registrations to reach the target", "还需 \(count) 人有效注册才能达标")
        case .targetMet(let surplus):
            ("target met (\(surplus) above the target)", "已达标（超出目标 \(surplus) 人）")
        case .reportedLine(let counts):
            (
                "reported \(counts.reported): valid \(counts.valid), duplicates \(counts.duplicates), "
                    + "invalid \(counts.invalid) (malformed \(counts.malformed), flagged \(counts.flagged), "
                    + "on invalid lists \(counts.listed))",
                "上报 \(counts.reported) 行：有效 \(counts.valid)，重复 \(counts.duplicates)，无效 \(counts.invalid)"
                    + "（信息不全或有误 \(counts.malformed)，截图不合格 \(counts.flagged)，列入无效名单 \(counts.listed)）"
            )
        case .rejectedByReason: ("rows not counted, by reason:", "未计入的行（按原因）：")
        case .rejectedNone: ("every reported row counts", "上报的行全部计入")
        case .rejectedGroup(let kind, let count):
            ("  \(kind.name.replacingOccurrences(of: "_", with: " ")): \(count)", "  \(kind.label)：\(count) 行")
        case .rejectedReason(let reasons, let count):
            (
                "    \(count) × \(ReasonText.text(reasons, in: .english))",
                "    \(count) 行：\(ReasonText.text(reasons, in: .chinese))"
            )
        case .lastSubmission(let date):
            (
                "last submission: \(date ?? "none")",
                "最近报送：\(date ?? "未报送")"
            )
        case .seeRejects(let township):
            ("the rows and what to fix: regtracker rejects \(township)", "逐行明细及改正办法：regtracker rejects \(township)")

        case .rowsNotCounted(let count): ("\(counted(count, "row")) not counted", "共 \(count) 行未计入")
        case .outcome(let kind): (kind.name, kind.label)

        case .badDate(let text): ("--since \(text) is not a date YYYY-MM-DD", "--since \(text) 不是 YYYY-MM-DD 格式的日期")
        case .missingTitle(let since, let count, let of):
            (
                "\(count) of \(of) townships have no registration batch since \(since)",
                "未报送名单：\(since) 以来，\(of) 个乡镇中 \(count) 个无注册名单报送"
            )
        case .nobodyMissing(let since):
            ("every township has sent a registration list since \(since)", "\(since) 以来所有乡镇均已报送注册名单")
        case .missingLine(let township, let last):
            (
                "  \(township) (last submission: \(last ?? "never"))",
                "  \(township)（最近报送：\(last ?? "从未报送")）"
            )

        case .inspectBadRows(let rows): ("--rows \(rows) must be 0 or more", "--rows \(rows) 须为 0 或正整数")
        case .inspectCSV(let file, let encoding, let delimiter, let lineEndings):
            (
                "\(file): CSV, encoding \(encoding), separated by \(delimiter), line endings \(lineEndings)",
                "\(file)：CSV，编码 \(encoding)，分隔符 \(delimiter)，换行符 \(lineEndings)"
            )
        case .inspectFormat(let file, let format): ("\(file): \(format)", "\(file)：\(format)")
        case .inspectDelimiter(let name):
            switch name {
            case "comma": ("comma", "逗号")
            case "tab": ("tab", "制表符")
            default: ("semicolon", "分号")
            }
        case .inspectSheets(let sheets, let chosen):
            (
                "sheets: " + sheets.map { "“\($0)”" }.joined(separator: ", ") + "; reading “\(chosen ?? "")”",
                "工作表：" + sheets.map { "“\($0)”" }.joined(separator: "、") + "；读取“\(chosen ?? "")”"
            )
        case .inspectAlreadyImported(let batch):
            (
                "these exact bytes are already imported as batch \(batch): import would do nothing",
                "此文件（内容完全相同）已作为第 \(batch) 批导入，再导入不会有任何变化"
            )
        case .inspectHeader(let row, let rows):
            rows > 1
                ? (
                    "header: rows \(row)–\(row + rows - 1) (a group cell over its columns); columns:",
                    "表头：第 \(row)–\(row + rows - 1) 行（两行表头）；各列："
                )
                : ("header: row \(row); columns:", "表头：第 \(row) 行；各列：")
        case .inspectUnmapped(let columns):
            (
                "not used (kept with the row): " + columns.joined(separator: ", "),
                "不参与计算的列（随行保存）：" + columns.joined(separator: "、")
            )
        case .inspectTitles(let count):
            count == 0
                ? ("nothing above the header", "表头上方没有内容")
                : (
                    "skipped above the header (titles): \(count) row\(count == 1 ? "" : "s")",
                    "表头上方跳过（标题等）：\(count) 行"
                )
        case .inspectSkippedBelow(let count):
            count == 0
                ? ("no rows below the header skipped", "表头下方没有跳过的行")
                : (
                    "skipped below the header (totals, notes, signatures, blank lines): \(count) row\(count == 1 ? "" : "s")",
                    "表头下方跳过（合计、备注、签名、空行）：\(count) 行"
                )
        case .inspectBlankOrMore(let count):
            ("and \(count) blank or further rows", "另有 \(count) 行空行或未列出的行")
        case .inspectRow(let number, let text): ("row \(number): \(text)", "第 \(number) 行：\(text)")
        case .inspectDataRows(let total, let shown):
            (
                counted(total, "data row") + (shown < total ? "; the first \(shown):" : ":"),
                "数据 \(total) 行" + (shown < total ? "；前 \(shown) 行：" : "：")
            )
        case .inspectCheck(let kind, let reasons):
            if let kind {
                (
                    kind.name + (reasons.isEmpty ? "" : ": " + ReasonText.text(reasons, in: .english)),
                    kind.label + (reasons.isEmpty ? "" : "：" + ReasonText.text(reasons, in: .chinese))
                )
            } else {
                (
                    "passes its own checks (counts unless it repeats an earlier valid row)",
                    "本行自身检查通过（与此前有效行重复的除外）"
                )
            }
        case .inspectCheckCount(let kind, let count):
            if let kind {
                ("\(count) \(kind.name.replacingOccurrences(of: "_", with: " "))", "\(kind.label) \(count)")
            } else {
                ("\(count) pass", "通过 \(count)")
            }
        case .inspectCheckCounts(let counts): ("all data rows: \(counts)", "全部数据行：\(counts)")
        case .inspectTownshipNotChecked:
            (
                "township not checked: no database with a roster (give --db to check townships against it)",
                "未核对乡镇：没有含人口底数的数据库（用 --db 指定后可核对乡镇名称）"
            )
        }
    }

    /// `1.2`, one decimal.
    private static func decimal(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func perSecond(_ rows: Int, _ seconds: Double) -> Int {
        seconds > 0 ? Int((Double(rows) / seconds).rounded()) : rows
    }
}

// MARK: - Dashboard, trends and tokens (issue 7)

extension Strings {
    enum DashboardKey: Sendable {
        case badDateOption(option: String, text: String)
        case asOfTitle(target: String, date: String)
        case deadlineSet(String)
        case deadlineCleared
        case deadlineLine(deadline: String?, asOf: String, daysLeft: Int?)
        case status(Projection)
        case villageHeading
        case noVillages
        case tokenCreated(id: Int64, scope: String, secret: String)
        case tokenScope(TokenRecord)
        case tokenActive
        case tokenRevokedAt(String)
        case noTokens
        case tokenRevoked(Int64)
        case noSuchToken(Int64)
        case tokensChooseScope
        case serving(url: String, database: String)
        case serveFailed(String)
    }

    static func text(_ key: DashboardKey, in language: Language) -> String {
        let (english, chinese) = pair(key)
        return language == .chinese ? chinese : english
    }

    private static func pair(_ key: DashboardKey) -> (String, String) {
        switch key {
        case .badDateOption(let option, let text):
            ("\(option) \(text) is not a date YYYY-MM-DD", "\(option) \(text) 不是 YYYY-MM-DD 格式的日期")
        case .asOfTitle(let target, let date):
            ("Registration rate ranking as of \(date) (target \(target))", "截至 \(date) 的注册率排名（目标 \(target)）")
        case .deadlineSet(let date): ("deadline set to \(date)", "截止日期已设为 \(date)")
        case .deadlineCleared: ("deadline removed", "已取消截止日期")
        case .deadlineLine(let deadline, let asOf, let daysLeft):
            if let deadline, let daysLeft {
                (
                    "as of \(asOf); deadline \(deadline), \(max(0, daysLeft)) days left; pace = gain over the last 30 days",
                    "截至 \(asOf)；截止日期 \(deadline)，还剩 \(max(0, daysLeft)) 天；速度按近 30 天计"
                )
            } else {
                (
                    "as of \(asOf); no deadline set (regtracker trend --deadline YYYY-MM-DD)",
                    "截至 \(asOf)；未设截止日期（regtracker trend --deadline YYYY-MM-DD）"
                )
            }
        case .status(let projection): status(projection)
        case .villageHeading: ("by village:", "按村（社区）：")
        case .noVillages: ("no rows yet", "尚无上报")
        case .tokenCreated(let id, let scope, let secret):
            (
                "token \(id) (\(scope)) created. It is shown only this once; only its hash is stored:\n\(secret)",
                "已创建第 \(id) 号令牌（\(scope)）。令牌只显示这一次，数据库只保存其哈希：\n\(secret)"
            )
        case .tokenScope(let token):
            switch (token.scope, token.township, token.county) {
            case (.township, let township?, let county?):
                ("township \(township) (\(county))", "乡镇 \(township)（\(county)）")
            case (.township, let township?, nil): ("township \(township)", "乡镇 \(township)")
            case (.county, _, let county?): ("county \(county)", "县（区） \(county)")
            default: ("office", "联席办")
            }
        case .tokenActive: ("active", "有效")
        case .tokenRevokedAt(let at): ("revoked \(at)", "已于 \(at) 撤销")
        case .noTokens:
            (
                "no tokens; create one with regtracker tokens create --office",
                "尚无令牌；用 regtracker tokens create --office 创建"
            )
        case .tokenRevoked(let id): ("token \(id) revoked", "第 \(id) 号令牌已撤销")
        case .noSuchToken(let id):
            ("no active token \(id); see regtracker tokens list", "没有有效的第 \(id) 号令牌；见 regtracker tokens list")
        case .tokensChooseScope:
            (
                "give exactly one of --office, --township NAME (with --county NAME where counties share the name) "
                    + "and --county NAME",
                "请给出 --office、--township NAME（多个县（区）同名时加 --county NAME）或 --county NAME 之一"
            )
        case .serving(let url, let database):
            ("serving \(database) at \(url) (Ctrl-C stops)", "正在 \(url) 提供 \(database) 的看板（Ctrl-C 停止）")
        case .serveFailed(let reason): ("the server stopped: \(reason)", "服务已停止：\(reason)")
        }
    }

    private static func status(_ projection: Projection) -> (String, String) {
        (ProjectionText.status(projection, in: .english), ProjectionText.status(projection, in: .chinese))
    }
}

// MARK: - Opening the database, batches, retract, tokens, serve and rejects (issue 12, issue 20 item 2)

extension Strings {
    enum CommandKey: Sendable {
        case noDatabase(path: String)
        case needsMigration(path: String)
        case notRegTracker(path: String)
        case migrated(path: String, migrations: [String])
        case upToDate(path: String)
        case noRoster
        case batchKind(String)
        case batchPurgedAt(String)
        case alreadyPurged(batch: Int64, file: String, at: String)
        case purgedRetracted(batch: Int64, file: String, at: String)
        case retractSummary(batch: Int64, file: String, purged: Bool, summary: RetractSummary)
        case tokenCreatedNote(id: Int64, scope: String)
        case portInUse(host: String, port: Int)
        case formatNeedsOut
        case unassignedWithTownship(String)
        case rejectsNoSuchBatch(Int64)
    }

    static func text(_ key: CommandKey, in language: Language) -> String {
        let (english, chinese) = pair(key)
        return language == .chinese ? chinese : english
    }

    private static func pair(_ key: CommandKey) -> (String, String) {
        switch key {
        case .noDatabase(let path):
            (
                "no database at \(path); check --db or REGTRACKER_DB, or import a roster first",
                "\(path) 处没有数据库；请检查 --db 或 REGTRACKER_DB，或先导入人口底数"
            )
        case .needsMigration(let path):
            (
                "the database \(path) was made by an earlier version of regtracker; run `regtracker migrate` "
                    + "(or an import) first",
                "数据库 \(path) 由较早版本的 regtracker 建立，需先升级：请先运行 `regtracker migrate`（或做一次导入）"
            )
        case .notRegTracker(let path):
            ("\(path) is not a regtracker database; check --db", "\(path) 不是 regtracker 数据库；请检查 --db")
        case .migrated(let path, let migrations):
            (
                "\(path): applied " + migrations.map { "“\($0)”" }.joined(separator: ", "),
                "\(path)：已升级 " + migrations.map { "“\($0)”" }.joined(separator: "、")
            )
        case .upToDate(let path): ("\(path) is up to date", "\(path) 已是最新结构，无需升级")
        case .noRoster:
            (
                "no roster imported yet; import one with `regtracker population import FILE`",
                "尚未导入人口底数；请先用 `regtracker population import 文件` 导入"
            )
        case .batchKind(let kind):
            switch FileKind(rawValue: kind) {
            case .roster: ("roster", "人口底数")
            case .registrations: ("registrations", "注册名单")
            case .invalidList: ("invalid list", "无效名单")
            case nil: (kind, kind)
            }
        case .batchPurgedAt(let time): ("purged \(time)", "已永久删除 \(time)")
        case .alreadyPurged(let batch, let file, let time):
            ("batch \(batch) (\(file)) was already purged at \(time)", "第 \(batch) 批（\(file)）已于 \(time) 永久删除")
        case .purgedRetracted(let batch, let file, let time):
            (
                "batch \(batch) (\(file)), retracted at \(time): its rows are deleted for good; it stays listed as purged",
                "第 \(batch) 批（\(file)，已于 \(time) 撤回）：其各行已永久删除，批次记录保留（已永久删除）"
            )
        case .retractSummary(let batch, let file, let purged, let summary):
            retractSummary(batch: batch, file: file, purged: purged, summary: summary)
        case .tokenCreatedNote(let id, let scope):
            (
                "token \(id) (\(scope)) created. It is shown only this once (on stdout); only its hash is stored",
                "已创建第 \(id) 号令牌（\(scope)）。令牌只显示这一次（标准输出），数据库只保存其哈希"
            )
        case .portInUse(let host, let port):
            (
                "port \(port) on \(host) is already in use; stop what is using it or choose another with --port",
                "\(host) 的端口 \(port) 已被占用；请停止占用它的程序，或用 --port 换一个端口"
            )
        case .formatNeedsOut:
            (
                "--format needs --out DIR: it chooses the files written there (the screen shows the table)",
                "--format 须与 --out 目录 同用：它选择写入该目录的文件格式（屏幕上显示的是表格）"
            )
        case .unassignedWithTownship(let township):
            (
                "--unassigned lists the rows of no township; drop \(township) or --unassigned",
                "--unassigned 列出的是未匹配乡镇的行；请去掉 \(township) 或 --unassigned"
            )
        case .rejectsNoSuchBatch(let batch):
            ("there is no batch \(batch); see `regtracker batches`", "没有第 \(batch) 批；请用 `regtracker batches` 查看")
        }
    }

    /// "batch 7 (x.csv) retracted: 52 rows no longer count (48 valid, 3 duplicate, 1 malformed); 2 rows of other
    /// batches changed outcome (2 duplicate → valid)".
    private static func retractSummary(batch: Int64, file: String, purged: Bool, summary: RetractSummary)
        -> (String, String)
    {
        func english(_ kind: OutcomeKind?) -> String {
            guard let kind else { return "not counted" }
            return switch kind {
            case .malformed: "malformed"
            case .flagged: "flagged"
            case .listed: "listed"
            default: kind.name
            }
        }
        func chinese(_ kind: OutcomeKind?) -> String { kind?.label ?? "不计入" }
        let stoppedEnglish = summary.stopped.map { "\($0.count) \(english($0.outcome))" }.joined(separator: ", ")
        let stoppedChinese = summary.stopped.map { "\(chinese($0.outcome)) \($0.count)" }.joined(separator: "，")
        let changedEnglish = summary.changed.map { "\($0.count) \(english($0.from)) → \(english($0.to))" }
        let changedChinese = summary.changed.map { "\(chinese($0.from)) → \(chinese($0.to)) \($0.count)" }
        var englishText = "batch \(batch) (\(file)) retracted" + (purged ? " and its rows deleted for good" : "")
        englishText += ": \(summary.stoppedCount) rows no longer count"
        if !summary.stopped.isEmpty { englishText += " (\(stoppedEnglish))" }
        englishText += "; \(summary.changedCount) rows of other batches changed outcome"
        if !changedEnglish.isEmpty { englishText += " (" + changedEnglish.joined(separator: ", ") + ")" }
        var chineseText = "已撤回第 \(batch) 批（\(file)）" + (purged ? "，其各行已永久删除" : "")
        chineseText += "：\(summary.stoppedCount) 行不再计入"
        if !summary.stopped.isEmpty { chineseText += "（\(stoppedChinese)）" }
        chineseText += "；其他批次 \(summary.changedCount) 行的结果随之改变"
        if !changedChinese.isEmpty { chineseText += "（" + changedChinese.joined(separator: "，") + "）" }
        return (englishText, chineseText)
    }
}
