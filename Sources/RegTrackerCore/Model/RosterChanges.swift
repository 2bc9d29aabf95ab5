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
    /// Villages (SPEC 5) of townships in both rosters; a new township's villages come with it.
    public var villagesAdded: [VillagePlace] = []
    public var villagesDropped: [VillagePlace] = []
    public var villagePopulations: [VillagePopulationChange] = []
    public var villageTargets: [VillageTargetChange] = []

    public var isEmpty: Bool {
        added.isEmpty && dropped.isEmpty && renamed.isEmpty && populations.isEmpty && targets.isEmpty
            && villagesAdded.isEmpty && villagesDropped.isEmpty && villagePopulations.isEmpty && villageTargets.isEmpty
    }

    /// Old townships are followed by name into the new roster, an old name that became an alias counting as a
    /// rename; new townships that no old one leads to are added.
    public static func between(_ old: Roster, _ new: Roster) -> RosterChanges {
        var changes = RosterChanges()
        var reached = Set<Int>()
        for township in old.townships {
            guard let index = new.index(county: township.county, named: township.name) else {
                changes.dropped.append(township.name)
                continue
            }
            reached.insert(index)
            let successor = new.townships[index]
            if Roster.key(successor.name) != Roster.key(township.name) {
                changes.renamed.append(Rename(from: township.name, to: successor.name))
            }
            if successor.population != township.population {
                changes.populations.append(
                    PopulationChange(township: successor.name, from: township.population, to: successor.population))
            }
            if successor.target != township.target {
                changes.targets.append(TargetChange(township: successor.name, from: township.target, to: successor.target))
            }
            changes.addVillageChanges(from: township, to: successor, townshipIndex: index, in: new)
        }
        changes.added = new.townships.indices.filter { !reached.contains($0) }.map { new.townships[$0].name }
        return changes
    }

    /// Old villages are followed by name into the successor's villages as registration rows are matched (by
    /// `VillageName.key`, aliases included).
    private mutating func addVillageChanges(
        from old: Township, to new: Township, townshipIndex: Int, in roster: Roster
    ) {
        var reached = Set<Int>()
        for village in old.villages {
            guard let index = roster.villageIndex(township: townshipIndex, cell: village.name) else {
                villagesDropped.append(VillagePlace(township: new.name, village: village.name))
                continue
            }
            reached.insert(index)
            let successor = new.villages[index]
            let place = VillagePlace(township: new.name, village: successor.name)
            if successor.population != village.population {
                villagePopulations.append(
                    VillagePopulationChange(place: place, from: village.population, to: successor.population))
            }
            if successor.target != village.target {
                villageTargets.append(VillageTargetChange(place: place, from: village.target, to: successor.target))
            }
        }
        villagesAdded += new.villages.indices.filter { !reached.contains($0) }.map {
            VillagePlace(township: new.name, village: new.villages[$0].name)
        }
    }
}
