import RegTrackerCore
import RegTrackerStore

/// The messages of `check`, in English and Chinese (one `Strings.Key` case, `.check`).
enum CheckText: Sendable {
    case consistent(groups: Int, rows: Int64)
    case integrityProblem(String)
    case difference(FigureDifference)
    case validKeyDifference(ValidKeyDifference)
    case inconsistent(differences: Int)
    case repaired(groups: Int)

    var pair: (String, String) {
        switch self {
        case .consistent(let groups, let rows):
            (
                "the database is sound and the kept figures agree with the rows (\(rows) rows in \(groups) groups)",
                "数据库完好，保存的统计数与逐行重算一致（\(rows) 行，\(groups) 组）"
            )
        case .integrityProblem(let problem):
            (
                "SQLite's integrity check: \(problem); restore the latest backup (regtracker restore)",
                "SQLite 完整性检查发现问题：\(problem)；请用最近的备份恢复（regtracker restore）"
            )
        case .difference(let difference):
            Self.pair(difference)
        case .validKeyDifference(let difference):
            Self.pair(difference)
        case .inconsistent(let count):
            (
                "\(count) groups of the kept figures differ from the rows; run `regtracker check --repair` to "
                    + "recompute them, and report this as a bug",
                "保存的统计数有 \(count) 组与逐行重算不一致；请运行 `regtracker check --repair` 重新计算，并报告此问题"
            )
        case .repaired(let groups):
            ("recomputed the kept figures from the rows (\(groups) groups)", "已按逐行数据重新计算统计数（\(groups) 组）")
        }
    }

    private static func pair(_ difference: ValidKeyDifference) -> (String, String) {
        let (english, chinese) = difference.kind == .idNumber ? ("ID-number", "身份证号") : ("phone", "手机号")
        return (
            "the index of valid \(english) keys misses \(difference.missing) valid rows and has \(difference.extra) entries "
                + "that name no valid row; run `regtracker check --repair` to rebuild it, and report this as a bug",
            "有效行\(chinese)索引缺 \(difference.missing) 个有效行，另有 \(difference.extra) 项不对应有效行；"
                + "请运行 `regtracker check --repair` 重建索引，并报告此问题"
        )
    }

    private static func pair(_ difference: FigureDifference) -> (String, String) {
        let group = difference.group
        let outcome = OutcomeKind(rawValue: group.outcome)
        let township = difference.township ?? group.township.map { "#\($0)" }
        let day = group.allDays ? nil : group.registeredDay ?? "-"
        let village = difference.village ?? group.village.map { "#\($0)" }
        return (
            "batch \(group.batch), township \(township ?? "(none)"), village \(village ?? "(none)"), "
                + "\(outcome?.name ?? String(group.outcome)), registered \(day ?? "on any day (totals)"): "
                + "kept \(difference.kept), rows \(difference.recomputed)",
            "第 \(group.batch) 批，乡镇 \(township ?? "（无）")，村（社区） \(village ?? "（无）")，"
                + "\(outcome?.label ?? String(group.outcome))，注册日期 \(day ?? "不分日期（合计）")：保存 \(difference.kept) 行，"
                + "逐行 \(difference.recomputed) 行"
        )
    }
}
