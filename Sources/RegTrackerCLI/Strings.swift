import Foundation
import RegTrackerCore

/// The language of what the CLI tells people: Chinese when the locale is Chinese, English otherwise.
enum Language: Sendable, Equatable {
    case english
    case chinese

    /// POSIX order: `LC_ALL`, then `LC_MESSAGES`, then `LANG`; an empty variable counts as unset.
    init(environment: [String: String]) {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        self = locale.lowercased().hasPrefix("zh") ? .chinese : .english
    }

    static let current = Language(environment: ProcessInfo.processInfo.environment)
}

/// Every summary, label and error the CLI prints, in English and Chinese side by side. Errors that come from the
/// import itself (`ImportError`) are passed through as they are.
enum Strings {
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
        case retracted(batch: Int64, file: String, purged: Bool, changed: Int)
        // townships
        case unknownTownship(String, suggestion: String?)
        case populationZero(String)
        // report, shortfall
        case reportTitle(target: String, date: String)
        case unassignedRows(Int64)
        case shortfallTitle(target: String, below: Int, of: Int)
        case everyTownshipMet
        case unknownFormat(String)
        case badTarget(String)
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
        case rejectedReason(String, Int)
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
    }

    static func text(_ key: Key, in language: Language = .current) -> String {
        let (english, chinese) = pair(key)
        return language == .chinese ? chinese : english
    }

    private static func pair(_ key: Key) -> (String, String) {
        switch key {
        case .wrote(let path): ("wrote \(path)", "已写入 \(path)")
        case .warning(let text): ("warning: \(text)", "注意：\(text)")

        case .alreadyImported(let file, let batch):
            ("\(file): already imported as batch \(batch); nothing to do", "\(file)：已作为第 \(batch) 批导入，无需再导入")
        case .rejected(let file, let reason): ("\(file): rejected: \(reason)", "\(file)：整份未导入：\(reason)")
        case .batchSummary(let file, let batch, let rows, let kind):
            switch kind {
            case .registrations: ("\(file): batch \(batch), \(rows) rows", "\(file)：第 \(batch) 批，\(rows) 行")
            case .roster: ("\(file): batch \(batch), \(rows) townships", "\(file)：第 \(batch) 批，\(rows) 个乡镇")
            case .invalidList:
                ("\(file): batch \(batch), \(rows) invalid-list entries", "\(file)：第 \(batch) 批，无效名单 \(rows) 条")
            }
        case .outcomeCount(let kind, let count):
            ("\(count) \(kind.name.replacingOccurrences(of: "_", with: " "))", "\(kind.label) \(count)")
        case .skippedRows(let count):
            ("skipped \(count) rows that are not data", "跳过 \(count) 行非数据行（合计、备注、签名、空行）")
        case .replacesBatches(let batches):
            (
                "replaces batch " + batches.map(String.init).joined(separator: ", "),
                "替换第 " + batches.map(String.init).joined(separator: "、") + " 批"
            )
        case .reevaluated(let count): ("\(count) earlier rows changed outcome", "此前 \(count) 行的结果随之改变")
        case .noSuchPath(let path): ("\(path): no such file or folder; check the path", "\(path)：文件或文件夹不存在，请检查路径")
        case .emptyFolder(let path):
            (
                "\(path): no .csv, .txt, .xml, .xlsx or .xls files to import",
                "\(path)：没有可导入的 .csv、.txt、.xml、.xlsx 或 .xls 文件"
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
        case .retracted(let batch, let file, let purged, let changed):
            (
                "retracted batch \(batch) (\(file))\(purged ? "; its rows are deleted for good" : ""); "
                    + "\(changed) rows changed outcome",
                "已撤回第 \(batch) 批（\(file)）\(purged ? "，其各行已永久删除" : "")；\(changed) 行的结果随之改变"
            )

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

        case .reportTitle(let target, let date): ("注册率排名 (target \(target)), \(date)", "注册率排名（目标 \(target)，\(date)）")
        case .unassignedRows(let count):
            ("unassigned rows (township not in the roster): \(count)", "未匹配乡镇的行（乡镇不在人口底数中）：\(count)")
        case .shortfallTitle(let target, let below, let of):
            ("未达标乡镇 (target \(target)): \(below) of \(of)", "未达标乡镇（目标 \(target)）：\(of) 个中 \(below) 个")
        case .everyTownshipMet: ("every township meets its target", "所有乡镇均已达标")
        case .unknownFormat(let name):
            ("unknown format \(name); choose from md, csv, html, xlsx", "未知格式 \(name)；可选 md、csv、html、xlsx")
        case .badTarget(let text):
            (
                "--target \(text) is not a target above 0% and at most 100% (50%, 0.5 or 50)",
                "--target \(text) 不是有效目标：须大于 0% 且不超过 100%（如 50%、0.5 或 50）"
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
        case .rejectedReason(let reason, let count): ("    \(count) × \(reason)", "    \(count) 行：\(reason)")
        case .lastSubmission(let date):
            (
                "last submission: \(date ?? "none")",
                "最近报送：\(date ?? "未报送")"
            )
        case .seeRejects(let township):
            ("the rows and what to fix: regtracker rejects \(township)", "逐行明细及改正办法：regtracker rejects \(township)")

        case .rowsNotCounted(let count): ("\(count) rows not counted", "共 \(count) 行未计入")
        case .outcome(let kind): (kind.name, kind.label)

        case .badDate(let text): ("--since \(text) is not a date YYYY-MM-DD", "--since \(text) 不是 YYYY-MM-DD 格式的日期")
        case .missingTitle(let since, let count, let of):
            (
                "未报送名单: \(count) of \(of) townships have no registration batch since \(since)",
                "未报送名单：\(since) 以来，\(of) 个乡镇中 \(count) 个无注册名单报送"
            )
        case .nobodyMissing(let since):
            ("every township has sent a registration list since \(since)", "\(since) 以来所有乡镇均已报送注册名单")
        case .missingLine(let township, let last):
            (
                "  \(township) (last submission: \(last ?? "never"))",
                "  \(township)（最近报送：\(last ?? "从未报送")）"
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
