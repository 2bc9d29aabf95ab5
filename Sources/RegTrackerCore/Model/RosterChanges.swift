/// What a new roster changes against the one in force (SPEC 1.1): every roster import prints it.
public struct RosterChanges: Sendable, Equatable {
    public struct Rename: Sendable, Equatable {
        public var from: String
        public var to: String
    }

    public struct PopulationChange: Sendable, Equatable {
        public var township: String
        public var from: Int64
        public var to: Int64
    }

    public struct TargetChange: Sendable, Equatable {
        public var township: String
        /// nil: the global target.
        public var from: Target?
        public var to: Target?
    }

    /// A township that moved into another county (SPEC 8), or into one from a roster without counties.
    public struct CountyChange: Sendable, Equatable {
        public var township: String
        /// nil: no county.
        public var from: String?
        public var to: String?
    }

    /// A village of a township, by name.
    public struct VillagePlace: Sendable, Equatable {
        public var township: String
        public var village: String
    }

    public struct VillagePopulationChange: Sendable, Equatable {
        public var place: VillagePlace
        public var from: Int64
        public var to: Int64
    }

    public struct VillageTargetChange: Sendable, Equatable {
        public var place: VillagePlace
        /// nil: the township's target.
        public var from: Target?
        public var to: Target?
    }

    public var added: [String] = []
    public var dropped: [String] = []
    /// An old name kept as an alias of a township with a new name.
    public var renamed: [Rename] = []
    public var populations: [PopulationChange] = []
    public var targets: [TargetChange] = []
    public var counties: [CountyChange] = []
    /// Villages (SPEC 5) of townships in both rosters; a new township's villages come with it.
    public var villagesAdded: [VillagePlace] = []
    public var villagesDropped: [VillagePlace] = []
    public var villagePopulations: [VillagePopulationChange] = []
    public var villageTargets: [VillageTargetChange] = []

    public var isEmpty: Bool {
        added.isEmpty && dropped.isEmpty && renamed.isEmpty && populations.isEmpty && targets.isEmpty
            && counties.isEmpty && villagesAdded.isEmpty && villagesDropped.isEmpty && villagePopulations.isEmpty
            && villageTargets.isEmpty
    }

    /// Old townships are followed by name into the new roster, within their county, else to the one township of
    /// that name in another county (a move); an old name that became an alias counts as a rename; new townships that
    /// no old one leads to are added. A name two counties share is written with its county, `城关镇（青石县）`.
    public static func between(_ old: Roster, _ new: Roster) -> RosterChanges {
        var changes = RosterChanges()
        // Within its county first, for every old township; then, for one not found there, the one township of its
        // name elsewhere that no old township of its own county leads to (a move, not the namesake that stays).
        var successors = old.townships.map { new.index(county: $0.county, named: $0.name) }
        var reached = Set(successors.compactMap { $0 })
        for position in old.townships.indices where successors[position] == nil {
            if let index = new.index(named: old.townships[position].name), !reached.contains(index) {
                successors[position] = index
                reached.insert(index)
            }
        }
        for (township, successor) in zip(old.townships, successors) {
            guard let index = successor else {
                changes.dropped.append(label(township, in: old))
                continue
            }
            let successor = new.townships[index]
            let name = label(successor, in: new)
            if Roster.key(successor.name) != Roster.key(township.name) {
                changes.renamed.append(Rename(from: label(township, in: old), to: name))
            }
            if successor.county != township.county {
                changes.counties.append(CountyChange(township: name, from: township.county, to: successor.county))
            }
            if successor.population != township.population {
                changes.populations.append(
                    PopulationChange(township: name, from: township.population, to: successor.population))
            }
            if successor.target != township.target {
                changes.targets.append(TargetChange(township: name, from: township.target, to: successor.target))
            }
            changes.addVillageChanges(from: township, to: successor, named: name, townshipIndex: index, in: new)
        }
        changes.added = new.townships.indices.filter { !reached.contains($0) }.map { label(new.townships[$0], in: new) }
        return changes
    }

    /// A township's name, with its county where another township of the roster answers to the same name.
    private static func label(_ township: Township, in roster: Roster) -> String {
        let shared = roster.indices(forKey: Roster.key(township.name)).count > 1
        return shared ? TownshipFigures.label(township.name, county: township.county) : township.name
    }

    /// Old villages are followed by name into the successor's villages as registration rows are matched (by
    /// `VillageName.key`, aliases included).
    private mutating func addVillageChanges(
        from old: Township, to new: Township, named name: String, townshipIndex: Int, in roster: Roster
    ) {
        var reached = Set<Int>()
        for village in old.villages {
            guard let index = roster.villageIndex(township: townshipIndex, cell: village.name) else {
                villagesDropped.append(VillagePlace(township: name, village: village.name))
                continue
            }
            reached.insert(index)
            let successor = new.villages[index]
            let place = VillagePlace(township: name, village: successor.name)
            if successor.population != village.population {
                villagePopulations.append(
                    VillagePopulationChange(place: place, from: village.population, to: successor.population))
            }
            if successor.target != village.target {
                villageTargets.append(VillageTargetChange(place: place, from: village.target, to: successor.target))
            }
        }
        villagesAdded += new.villages.indices.filter { !reached.contains($0) }.map {
            VillagePlace(township: name, village: new.villages[$0].name)
        }
    }
}
