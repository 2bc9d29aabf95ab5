import RegTrackerCore

/// The text of a notice as people read it (Chinese, SPEC 7), in blocks that the Markdown, HTML and Word writers
/// each lay out their own way: written once here so that the three never say different things.
public struct NoticeDocument: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        /// 主送机关: `各乡镇（街道）：`, not indented.
        case addressee(String)
        /// Body text, first line indented two characters.
        case paragraph(String)
        /// 一级标题 (黑体): `一、总体情况`.
        case heading(String)
        /// 二级标题 (楷体): `（一）桃源乡`.
        case subheading(String)
        /// 发文机关署名 and 成文日期, right-aligned.
        case signature(String)
    }

    public var title: String
    public var blocks: [Block]
    /// 附件 title and its table (the full ranking).
    public var annexTitle: String
    public var annex: ReportSheet

    /// The office that signs, of a county (县) or, where the townships belong to several counties, of a city (市,
    /// SPEC 8); the place's own name is not in the data.
    public static func issuer(_ area: String) -> String { "\(area)打击治理电信网络诈骗犯罪工作联席会议办公室" }

    /// 县, or 市 where the notice's townships belong to more than one county.
    public static func area(_ notice: Notice) -> String {
        Set(notice.townships.compactMap(\.figures.county)).count > 1 ? "市" : "县"
    }

    public init(_ notice: Notice) {
        let period = ChineseDates.period(notice.period)
        let area = Self.area(notice)
        title = "关于\(period)全\(area)国家反诈中心APP注册推广工作情况的通报"
        annexTitle = "\(period)各乡镇（街道）国家反诈中心APP注册率排名表"
        annex = Self.annex(notice, title: annexTitle)
        let report = notice.report
        let end = ChineseDates.day(notice.period.end)
        let span =
            notice.period.kind == .day
            ? end : "\(ChineseDates.day(notice.period.start))至\(end)"
        var blocks: [Block] = [
            .addressee("各乡镇（街道）："),
            .paragraph("现将\(period)（\(span)）全\(area)国家反诈中心APP注册推广工作情况通报如下。"),
            .heading("一、总体情况"),
            .paragraph(Self.overall(report, end: end, area: area)),
            .heading("二、达标情况"),
            .paragraph(Self.met(report)),
            .heading("三、通报乡镇（街道）"),
        ]
        let named = notice.named
        if named.isEmpty {
            blocks.append(.paragraph("本期参与排名的乡镇（街道）均已达标，不作通报。"))
        } else {
            let lead =
                named.count < notice.bottom
                ? "未达标的\(named.count)个乡镇（街道）均予以通报（按注册率由低到高）："
                : "按注册率由低到高，对未达标乡镇（街道）中排名后\(notice.bottom)位的\(named.count)个乡镇（街道）予以通报"
                    + (named.count > notice.bottom ? "（注册率相同的并列通报）" : "") + "："
            blocks.append(.paragraph(lead))
            let ranked = report.townships.filter(\.hasRate).count
            for (index, township) in named.enumerated() {
                blocks.append(.subheading("（\(ChineseNumbers.ordinal(index + 1))）\(township.figures.label)"))
                blocks.append(.paragraph(Self.namedText(township, of: ranked)))
            }
        }
        let carried = notice.townships.filter { !$0.named && $0.card != nil }
        if !carried.isEmpty {
            blocks.append(
                .paragraph(
                    "本期未被通报、此前已受警示的乡镇（街道），警示继续有效："
                        + carried.map { "\($0.figures.label)（\($0.card!.label)，累计被通报\($0.timesNamed)次）" }
                        .joined(separator: "、") + "。"))
        }
        blocks.append(.heading("四、未报送情况"))
        blocks.append(
            .paragraph(
                notice.notReported.isEmpty
                    ? "本期各乡镇（街道）均已报送注册数据。"
                    : "\(span)期间，以下\(notice.notReported.count)个乡镇（街道）未报送注册数据："
                        + notice.notReported.joined(separator: "、") + "。"))
        blocks.append(.heading("五、有关要求"))
        let cards = notice.cards
        blocks.append(
            .paragraph(
                "按照通报规则，累计被通报\(cards.yellow)次的给予黄牌警告，约谈分管领导；累计\(cards.red)次的给予红牌警告，"
                    + "约谈主要领导；累计\(cards.listed)次的挂牌整治。警示一经给予，记录在案。"))
        blocks.append(.paragraph("请各乡镇（街道）对照排名查找差距，被通报和未报送的乡镇（街道）尽快整改、按时报送。"))
        blocks.append(.paragraph("附件：\(annexTitle)"))
        blocks.append(.signature(Self.issuer(area)))
        blocks.append(.signature(ChineseDates.day(notice.issued)))
        self.blocks = blocks
    }

    private static func overall(_ report: Report, end: String, area: String) -> String {
        let totals = report.totals
        let population = report.totalPopulation
        let required = report.townships.reduce(Int64(0)) { $0 + $1.required }
        let rate = population > 0 ? Decimal6.percent(numerator: totals.valid, denominator: population) : "—"
        let gap = max(0, required - totals.valid)
        var text =
            "截至\(end)，全\(area)实有人口\(population)人，有效注册\(totals.valid)人，注册率\(rate)，目标注册率"
            + "\(report.target.percentText)，目标人数\(required)人，" + (gap > 0 ? "尚差\(gap)人。" : "已完成目标。")
        text += "全\(area)共上报\(totals.reported)条，其中无效\(totals.invalid)条、重复\(totals.duplicates)条。"
        if report.unassigned > 0 { text += "另有\(report.unassigned)条数据所填乡镇不在人口底数中，未计入。" }
        return text
    }

    private static func met(_ report: Report) -> String {
        let ranked = report.townships.filter(\.hasRate)
        let met = ranked.filter { $0.met == true }
        guard !met.isEmpty else { return "本期尚无乡镇（街道）达到目标，\(ranked.count)个乡镇（街道）均未达标。" }
        return "\(met.count)个乡镇（街道）达到目标："
            + met.map { "\($0.label)（\($0.ratePercent)）" }.joined(separator: "、")
            + "；\(ranked.count - met.count)个未达标。"
    }

    private static func namedText(_ township: NoticeTownship, of ranked: Int) -> String {
        let figures = township.figures
        var text =
            "注册率\(figures.ratePercent)，排名第\(figures.rank.map(String.init) ?? "—")位（共\(ranked)个），目标人数"
            + "\(figures.required)人，有效注册\(figures.counts.valid)人，尚差\(figures.shortfall)人；"
        text += changeText(township.change) + "。"
        text += "累计被通报\(township.timesNamed)次"
        if let card = township.card { text += "，给予\(card.label)，\(card.meaning)" }
        return text + "。"
    }

    /// 较上期, in words: nothing to compare with when there is no previous notice, or the township was not ranked
    /// in it (SPEC 6).
    static func changeText(_ change: NoticeChange?) -> String {
        guard let change else { return "无上期名次可比" }
        return [
            change.valid == 0 ? "较上期有效注册持平" : "较上期有效注册\(change.valid > 0 ? "增加" : "减少")\(abs(change.valid))人",
            change.rateMillionths == 0
                ? "注册率持平"
                : "注册率\(change.rateMillionths > 0 ? "上升" : "下降")\(points(abs(change.rateMillionths)))个百分点",
            change.rank == 0 ? "名次不变" : "名次\(change.rank > 0 ? "上升" : "下降")\(abs(change.rank))位",
        ].joined(separator: "，")
    }

    /// A change of rate as signed percentage points: `+10.00`, `-0.50`, `0.00`.
    static func signedPoints(_ millionths: Int64) -> String {
        (millionths > 0 ? "+" : millionths < 0 ? "-" : "") + points(abs(millionths))
    }

    /// Millionths of a rate as percentage points with two decimals, rounded half up: 123_456 → `12.35`.
    static func points(_ millionths: Int64) -> String {
        let hundredths = (millionths + 50) / 100
        let fraction = String(hundredths % 100)
        return "\(hundredths / 100).\(fraction.count == 1 ? "0" + fraction : fraction)"
    }

    /// Signed, for table cells: `+30`, `-1`, `0`.
    static func signed(_ value: Int64) -> String { value > 0 ? "+\(value)" : String(value) }

    static func annex(_ notice: Notice, title: String) -> ReportSheet {
        let headings = [
            "排名", "乡镇（街道）", "实有人口", "有效数", "注册率", "目标人数", "差额", "较上期有效数", "较上期注册率（百分点）",
            "名次变化", "累计通报", "警示",
        ]
        let rows = notice.townships.map { township -> ReportSheet.Row in
            let figures = township.figures
            let change = township.change
            let cells: [ReportSheet.Cell] = [
                .text(figures.rank.map(String.init) ?? "—"), .text(figures.label + (township.named ? "（通报）" : "")),
                .integer(figures.population), .integer(figures.counts.valid),
                figures.hasRate ? .rate(numerator: figures.counts.valid, denominator: figures.population) : .text("—"),
                .integer(figures.required), .integer(figures.shortfall),
                .text(change.map { signed($0.valid) } ?? "—"),
                .text(change.map { signedPoints($0.rateMillionths) } ?? "—"),
                .text(change.map { signed(Int64($0.rank)) } ?? "—"),
                .integer(Int64(township.timesNamed)), .text(township.card?.label ?? ""),
            ]
            return ReportSheet.Row(cells, style: figures.met == false ? .unmet : .normal)
        }
        let notes = notice.townships.filter { !$0.figures.hasRate }.map {
            "\($0.figures.label)：实有人口为 0，无注册率，不参与排名。"
        }
        return ReportSheet(title: title, headings: headings, rows: rows, notes: notes)
    }
}
