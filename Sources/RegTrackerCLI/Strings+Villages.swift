import RegTrackerCore

/// The messages of `villages`, `rate` and `shortfall --by-village` about villages (SPEC 5), in English and
/// Chinese (one `Strings.Key` case, `.villages`).
enum VillageText: Sendable {
    case rosterHasNone
    case title(township: String?, target: String, ranked: Int, of: Int)
    case townshipHasNone(String)
    case unmatched(OutcomeCounts)
    case shortfallTitle(township: String, below: Int, of: Int)
    case everyVillageMet(String)
    case populationZero(township: String, village: String)

    var pair: (String, String) {
        switch self {
        case .rosterHasNone:
            (
                "the roster has no villages (村/社区); import a roster with a village column (村, 社区 or 村（社区）) "
                    + "giving each village's population to see village figures",
                "人口底数中没有村（社区）；请导入带“村（社区）”列、填有各村（社区）实有人口的人口底数后再查看"
            )
        case .title(let township, let target, let ranked, let of):
            township.map {
                (
                    "\($0): villages by registration rate (target \(target)), \(ranked) of \(of) ranked",
                    "\($0)各村（社区）注册率排名（目标 \(target)）：共 \(of) 个，\(ranked) 个参与排名"
                )
            } ?? (
                "every village of the county by registration rate, \(ranked) of \(of) ranked",
                "全县各村（社区）注册率排名：共 \(of) 个，\(ranked) 个参与排名"
            )
        case .townshipHasNone(let township):
            (
                "\(township) has no villages in the roster; its rows all count for the township only",
                "人口底数中\(township)没有村（社区）；其各行只计入乡镇"
            )
        case .unmatched(let counts):
            (
                "rows matching no village (village cell empty or not in the roster): \(counts.reported) reported, "
                    + "\(counts.valid) valid; they count for the township only",
                "未匹配村（社区）的行（村（社区）栏为空或不在人口底数中）：上报 \(counts.reported) 行，有效 \(counts.valid) 行，只计入乡镇"
            )
        case .shortfallTitle(let township, let below, let of):
            (
                "\(township): \(below) of \(of) ranked villages below target, worst rate first",
                "\(township)未达标村（社区）：\(of) 个中有 \(below) 个，按注册率从低到高"
            )
        case .everyVillageMet(let township):
            ("every ranked village of \(township) has met its target", "\(township)参与排名的村（社区）均已达标")
        case .populationZero(let township, let village):
            (
                "\(township) \(village) has population 0 in the roster: no rate and no rank",
                "\(township)\(village)的实有人口为 0：无注册率，不参与排名"
            )
        }
    }
}
