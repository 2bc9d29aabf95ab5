import Foundation
import RegTrackerCore
import RegTrackerStore

/// Writes reports for people into a folder. No file shows a full ID number or phone.
public struct ReportFiles {
    public enum Format: String, CaseIterable, Sendable {
        case md
        case csv
    }

    public var folder: String
    public var clock: Clock

    public init(folder: String, clock: Clock) {
        self.folder = folder
        self.clock = clock
    }

    /// `报表-2026-11-29.md` and `.csv`: the ranked table with totals and last submission dates.
    public func writeReport(_ report: Report, lastSubmission: [String: String], formats: [Format]) throws -> [String] {
        let headings = ReportTable.headings + ["最近报送"]
        let rows = report.townships.map { ReportTable.row($0) + [lastSubmission[$0.township] ?? "未报送"] }
            + [ReportTable.totalsRow(report) + [""]]
        let title = "国家反诈中心APP注册率排名（\(clock.today.iso8601Unchecked)，目标 \(report.target.percentText)）"
        return try write(name: "报表-\(clock.today.iso8601Unchecked)", title: title, headings: headings, rows: rows, formats: formats)
    }

    /// `未达标-2026-11-29.md` and `.csv`: townships below target, worst first.
    public func writeShortfall(_ report: Report) throws -> [String] {
        let title = "未达标乡镇（\(clock.today.iso8601Unchecked)，目标 \(report.target.percentText)）"
        return try write(
            name: "未达标-\(clock.today.iso8601Unchecked)", title: title, headings: ReportTable.headings,
            rows: report.shortfall.map(ReportTable.row), formats: Format.allCases)
    }

    /// One file a township with rejected rows, plus one for unassigned rows (`未匹配乡镇`).
    public func writeRejects(_ rejects: [RejectRecord]) throws -> [String] {
        let headings = ["乡镇（原文）", "文件", "批次", "行号", "姓名", "身份证号", "手机号码", "结果", "原因"]
        let groups = Dictionary(grouping: rejects) { $0.township ?? "未匹配乡镇" }
        return try groups.keys.sorted(by: UnicodeOrder.precedes).flatMap { township in
            let rows = groups[township]!.map { reject in
                [
                    reject.townshipText, reject.fileName, String(reject.batch), String(reject.rowNumber), reject.name,
                    reject.idText.map(Mask.idNumber) ?? "", reject.phoneText.map(Mask.phone) ?? "",
                    reject.outcome.label, Mask.digits(in: reject.reason),
                ]
            }
            return try write(
                name: "退回-\(township)-\(clock.today.iso8601Unchecked)",
                title: "\(township) 未计入名单（\(clock.today.iso8601Unchecked)）", headings: headings, rows: rows,
                formats: Format.allCases)
        }
    }

    private func write(name: String, title: String, headings: [String], rows: [[String]], formats: [Format]) throws
        -> [String]
    {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try formats.map { format in
            let path = (folder as NSString).appendingPathComponent("\(name).\(format.rawValue)")
            let text =
                switch format {
                case .md: TextFormats.markdown(title: title, headings: headings, rows: rows)
                case .csv: TextFormats.csv(headings: headings, rows: rows)
                }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return path
        }
    }
}
