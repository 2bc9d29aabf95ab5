import RegTrackerCore

/// The village table (SPEC 5) as rows of text with Chinese headings: the columns of the township table
/// (`ReportTable`), 村（社区） in place of 乡镇, the target after the population, and 乡镇 after the village in the
/// county-wide list. The terminal passes `words` in the CLI's language and its own headings.
public enum VillageTable {
    public static let villageHeading = "村（社区）"

    public static func headings(withTownship: Bool) -> [String] {
        var headings = ReportTable.headings
        headings[1] = villageHeading
        headings.insert("目标", at: 3)
        if withTownship { headings.insert(ReportTable.Column.township.heading, at: 2) }
        return headings
    }

    public static func row(_ village: VillageStanding, withTownship: Bool, words: TableWords = .chinese) -> [String] {
        var cells = ReportTable.row(village.figures, words: words)
        cells.insert(village.figures.target.percentText, at: 3)
        if withTownship { cells.insert(village.townshipLabel, at: 2) }
        return cells
    }
}
