import Foundation
import RegTrackerCore
import RegTrackerRender
import RegTrackerStore

/// Writes reports for people into a folder: Markdown, CSV (UTF-8 with BOM, CRLF), one self-contained HTML page and
/// an XLSX workbook. No file shows a full ID number or phone.
public struct ReportFiles: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case md
        case csv
        case html
        case xlsx

        /// `md,csv` → the formats, or nil naming the first unknown one.
        public static func list(_ text: String) -> Result<[Format], UnknownFormat> {
            var formats: [Format] = []
            for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
                guard let format = Format(rawValue: name == "markdown" ? "md" : name) else {
                    return .failure(UnknownFormat(name: name))
                }
                if !formats.contains(format) { formats.append(format) }
            }
            return formats.isEmpty ? .failure(UnknownFormat(name: text)) : .success(formats)
        }
    }

    public struct UnknownFormat: Error, Sendable {
        public var name: String
    }

    public var folder: String
    public var clock: Clock

    public init(folder: String, clock: Clock) {
        self.folder = folder
        self.clock = clock
    }

    private var date: String { clock.today.iso8601Unchecked }
    private var footer: String { "regtracker 生成于 \(date)。身份证号、手机号均已脱敏。" }

    /// `报表-2026-11-29.*`: the ranked table with totals and last submission dates; the HTML page and the workbook
    /// add the bar chart of the rates, and the workbook a sheet with the shortfall list.
    /// With `since` (the latest stored notice), the table gains the 较上期 columns (`ReportChange`).
    /// With `county` (`report --county`, SPEC 8), its townships only: `报表-青石县-2026-11-29.*`, titled so.
    public func writeReport(
        _ report: Report, lastSubmission: [String: String], formats: [Format], since notice: Notice? = nil,
        county: String? = nil
    ) throws -> [String] {
        var sheet = ReportSheets.ranked(report, lastSubmission: lastSubmission, date: clock.today, county: county)
        if let notice { sheet = ReportChange.sheet(sheet, report: report, since: notice) }
        let chart = RateChart(report: report)
        return try write(
            name: "报表-" + (county.map { Self.fileSafe($0) + "-" } ?? "") + date, sheet: sheet, formats: formats,
            html: { [sheet, footer] in
                HTMLPage.render(sheet, summary: Self.summary(report), chart: chart, footer: footer)
            },
            xlsx: { try writeReportWorkbook(report, sheet: sheet, chart: chart, path: $0) })
    }

    /// `县（区）排名-2026-11-29.*` (`report --by county`, SPEC 8): the counties ranked by the sums of their townships.
    public func writeCounties(_ report: CountyReport, formats: [Format] = Format.allCases) throws -> [String] {
        try write(name: "县（区）排名-\(date)", sheet: CountyTable.sheet(report, date: clock.today), formats: formats)
    }

    /// `未达标-2026-11-29.*`: townships below target, worst rate first.
    public func writeShortfall(_ report: Report, formats: [Format] = Format.allCases) throws -> [String] {
        let sheet = ReportSheets.shortfall(report, date: clock.today)
        return try write(name: "未达标-\(date)", sheet: sheet, sheetName: "未达标", formats: formats)
    }

    /// `村（社区）排名-白沙镇-2026-11-29.*` (or `…-全县-…`): the village table of SPEC 5; the HTML page and the workbook
    /// add the bar chart of the village rates with their target marks.
    public func writeVillages(_ report: VillageReport, formats: [Format] = Format.allCases) throws -> [String] {
        try writeVillageTable(
            report, sheet: ReportSheets.villages(report, date: clock.today),
            name: "村（社区）排名-\(Self.fileSafe(report.townshipLabel ?? "全县"))-\(date)", formats: formats)
    }

    /// `未达标村（社区）-白沙镇-2026-11-29.*` (`shortfall --by-village`): the township's villages below target, worst
    /// rate first, each with its rank among all its township's villages and what it still needs.
    public func writeVillageShortfall(_ report: VillageReport, formats: [Format] = Format.allCases) throws -> [String] {
        var below = report
        below.villages = report.shortfall
        var sheet = ReportSheets.villages(below, date: clock.today)
        let township = report.townshipLabel ?? "全县"
        sheet.title =
            "\(township)未达标村（社区）（\(clock.today.iso8601Unchecked)，目标 \(report.target.percentText)）：\(below.villages.count) 个，"
            + "共尚差 \(report.shortfallTotal) 人"
        return try writeVillageTable(
            below, sheet: sheet, name: "未达标村（社区）-\(Self.fileSafe(township))-\(date)", formats: formats)
    }

    /// The village table `sheet` of `report` as files `name`.*, with the bar chart of its villages' rates.
    private func writeVillageTable(_ report: VillageReport, sheet: ReportSheet, name: String, formats: [Format])
        throws -> [String]
    {
        let chart = ReportSheets.villageChart(report)
        return try write(
            name: name, sheet: sheet, formats: formats,
            html: { [footer] in HTMLPage.render(sheet, chart: chart, footer: footer) },
            xlsx: { path in
                let workbook = try XLSXReportWriter(path: path)
                let table = try workbook.addTable(sheet, name: "排名", frozenColumns: 2)
                try workbook.addBarChart(
                    sheetName: "图表", title: "各村（社区）注册率（橙色为未达标）", seriesName: "注册率", data: table,
                    categories: VillageTable.villageHeading, values: ReportTable.Column.rate.heading,
                    count: chart.bars.count,
                    // In the table's order, which the chart reads its bars from.
                    colors: report.villages.filter(\.figures.hasRate).map {
                        $0.figures.met == true ? 0x1C64C4 : 0xE8590C
                    }, note: nil)
                try workbook.close()
            })
    }

    /// `未报送-2026-11-29.*`: townships with no registration batch since a date.
    public func writeMissing(_ townships: [MissingTownship], since: CivilDate, formats: [Format] = Format.allCases)
        throws
        -> [String]
    {
        let sheet = ReportSheets.missing(
            townships.map { ($0.label, $0.lastSubmission) }, since: since, date: clock.today)
        return try write(name: "未报送-\(date)", sheet: sheet, sheetName: "未报送", formats: formats)
    }

    /// `退回-青石镇-2026-11-29.*`: one file a township with rows that did not count, plus `退回-未匹配乡镇-…` for rows
    /// whose township is not in the roster.
    /// `sharedNames`: township names two counties share (SPEC 8), whose files are named with the county,
    /// `退回-城关镇（青石县）-…`, one a township.
    public func writeRejects(
        _ rejects: [RejectRecord], formats: [Format] = Format.allCases, sharedNames: Set<String> = []
    ) throws -> [String] {
        let groups = Dictionary(grouping: rejects) {
            $0.label(sharedNames: sharedNames) ?? RejectSheets.unassignedGroup
        }
        let names =
            groups.keys.filter { $0 != RejectSheets.unassignedGroup }.sorted(by: UnicodeOrder.precedes)
            + (groups[RejectSheets.unassignedGroup] == nil ? [] : [RejectSheets.unassignedGroup])
        try prepareFolder()
        // The files name people: created under this mask, so that no moment exists when they are readable by others.
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        // Two townships at a time, the files of each one after the other: with the text files beside the workbook,
        // the workbooks alone were more than half of the time. Separate workbooks share no state (libxlsxwriter,
        // libminizip and zlib keep no mutable globals). The folder and the mask are set once, above, for both.
        let written = TownshipResults(count: names.count)
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while let index = written.claim() {
                let township = names[index]
                let rows = groups[township]!
                let sheet = RejectSheets.sheet(township: township, rejects: rows, date: clock.today)
                let summary = RejectSheets.summary(rows)
                let result = Result {
                    try writeFiles(
                        name: "退回-\(Self.fileSafe(township))-\(date)", sheet: sheet, sheetName: "未计入",
                        formats: formats,
                        html: { [footer] in HTMLPage.render(sheet, summary: summary, footer: footer) },
                        xlsx: nil, textBesideWorkbook: false)
                }
                written.store(index, result)
            }
        }
        return try written.results.flatMap { try $0.get() }
    }

    /// The summary line above the ranked table on the HTML page.
    static func summary(_ report: Report) -> [String] {
        let ranked = report.townships.filter(\.hasRate)
        let met = ranked.filter { $0.met == true }.count
        let totals = report.totals
        let rate =
            report.totalPopulation > 0
            ? "，全县注册率 \(Decimal6.percent(numerator: totals.valid, denominator: report.totalPopulation))" : ""
        return [
            "共 \(ranked.count) 个乡镇参与排名：达标 \(met) 个，未达标 \(ranked.count - met) 个。"
                + "有效 \(totals.valid) 人，实有人口 \(report.totalPopulation) 人\(rate)。",
            "有效数 = 上报数 − 无效数 − 重复数；目标人数 = 实有人口 × 目标（向上取整）；差额 = 目标人数 − 有效数。",
        ]
    }

    private func writeReportWorkbook(_ report: Report, sheet: ReportSheet, chart: RateChart, path: String) throws {
        let workbook = try XLSXReportWriter(path: path)
        let table = try workbook.addTable(sheet, name: "排名", frozenColumns: 2)
        let note =
            chart.withoutBar.isEmpty ? nil : chart.withoutBar.map { "\($0)：实有人口为 0，无注册率，未画条形。" }.joined(separator: " ")
        try workbook.addBarChart(
            sheetName: "图表", title: "各乡镇注册率（目标 \(report.target.percentText)，橙色为未达标）", seriesName: "注册率",
            data: table, categories: ReportTable.Column.township.heading, values: ReportTable.Column.rate.heading,
            count: chart.bars.count,
            colors: chart.bars.map { $0.met ? 0x1C64C4 : 0xE8590C }, note: note)
        try workbook.addTable(ReportSheets.shortfall(report, date: clock.today), name: "未达标", frozenColumns: 2)
        try workbook.close()
    }

    /// Writes `name.FORMAT` for each format: `html` replaces the plain page, `xlsx` writes the workbook itself
    /// (else one sheet named `sheetName`).
    /// `personal`: the files name people (rows given back): written readable by the owner only, whatever the umask.
    private func write(
        name: String, sheet: ReportSheet, sheetName: String = "报表", formats: [Format],
        html: (@Sendable () -> String)? = nil, xlsx: ((String) throws -> Void)? = nil, personal: Bool = false
    ) throws -> [String] {
        try prepareFolder()
        // The files are created under this mask, so that no moment exists when they are readable by others.
        let previousMask = personal ? umask(0o077) : nil
        defer { if let previousMask { umask(previousMask) } }
        return try writeFiles(
            name: name, sheet: sheet, sheetName: sheetName, formats: formats, html: html, xlsx: xlsx,
            textBesideWorkbook: true)
    }

    /// Creates the folder, and removes workbooks a killed run left half-written.
    private func prepareFolder() throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportFileError(path: folder, step: .createFolder, reason: error.localizedDescription)
        }
        removeLeftPartialFiles()
    }

    /// `write`'s files, into a folder already prepared. `textBesideWorkbook`: the text files on another thread while
    /// this one writes the workbook; else one after the other.
    private func writeFiles(
        name: String, sheet: ReportSheet, sheetName: String, formats: [Format], html: (@Sendable () -> String)?,
        xlsx: ((String) throws -> Void)?, textBesideWorkbook: Bool
    ) throws -> [String] {
        let paths = formats.map { (folder as NSString).appendingPathComponent("\(name).\($0.rawValue)") }
        // The text files are written on another core while this one writes the workbook (libxlsxwriter and zlib, a
        // third of `rejects --out`).
        let textFiles = zip(formats, paths).filter { $0.0 != .xlsx }
        let text = TextFilesOutcome()
        let group = DispatchGroup()
        let writeText: @Sendable () -> Void = { [footer] in
            for (format, path) in textFiles {
                let content: String
                switch format {
                case .md: content = TextFormats.markdown(sheet)
                case .csv: content = TextFormats.csv(sheet)
                case .html: content = html?() ?? HTMLPage.render(sheet, footer: footer)
                case .xlsx: continue
                }
                do {
                    try Data(content.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    let failure = ReportFileError(path: path, step: .writeFile, reason: error.localizedDescription)
                    text.failure = (format, failure)
                    return
                }
            }
        }
        if !textFiles.isEmpty {
            if textBesideWorkbook {
                DispatchQueue.global().async(group: group, execute: writeText)
            } else {
                writeText()
            }
        }
        var workbookFailure: (any Error)?
        if let path = zip(formats, paths).first(where: { $0.0 == .xlsx })?.1 {
            do {
                if let xlsx {
                    try xlsx(path)
                } else {
                    let workbook = try XLSXReportWriter(path: path)
                    try workbook.addTable(sheet, name: sheetName, frozenColumns: 2)
                    try workbook.close()
                }
            } catch {
                workbookFailure = error
            }
        }
        group.wait()
        // Whichever of the two failures comes first in the order the formats were asked for.
        if let (format, error) = text.failure,
            workbookFailure == nil || formats.firstIndex(of: format)! < formats.firstIndex(of: .xlsx)!
        {
            throw error
        }
        if let workbookFailure { throw workbookFailure }
        return paths
    }

    /// A workbook is written as `NAME.partial` and renamed when complete; one left by a run that was killed is removed
    /// by the next run that writes into the folder.
    private func removeLeftPartialFiles() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasSuffix(".partial") {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    /// A township name as part of a file name: no folder separators, no leading dot.
    static func fileSafe(_ name: String) -> String {
        var safe = String(name.map { "/\\:*?\"<>|\u{0}".contains($0) ? "_" : $0 })
        while safe.hasPrefix(".") { safe.removeFirst() }
        return safe.isEmpty ? "_" : safe
    }
}

/// What the thread writing the text files reports: read once it is done (`DispatchGroup.wait` orders the two).
private final class TextFilesOutcome: @unchecked Sendable {
    var failure: (format: ReportFiles.Format, error: ReportFileError)?
}

/// Each township's written paths, or its failure, in township order; and the next township to write. Once one has
/// failed no other is started.
private final class TownshipResults: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var failed = false
    private var slots: [Result<[String], any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.withLock {
            guard !failed, next < slots.count else { return nil }
            next += 1
            return next - 1
        }
    }

    func store(_ index: Int, _ result: Result<[String], any Error>) {
        lock.withLock {
            slots[index] = result
            if case .failure = result { failed = true }
        }
    }

    /// The townships written, then the first failure in township order; read once the writers are done.
    var results: [Result<[String], any Error>] { lock.withLock { slots.compactMap { $0 } } }
}
