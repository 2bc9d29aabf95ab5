import ArgumentParser
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// The database's own check and the kept figures against the rows: what the tests run after every step, and what
/// an office runs after a crash or a restore.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: Help.text(.checkAbstract), discussion: Help.text(.checkDiscussion))

    @OptionGroup var global: GlobalOptions

    @Flag(help: Help.argument(.checkRepair))
    var repair = false

    @Flag(help: Help.argument(.printJSON(.result)))
    var json = false

    func run() throws {
        if repair {
            let groups = try ConsistencyCheck(store: try global.openStore(creating: false)).repair()
            if !json { global.say(.check(.repaired(groups: groups))) }
        }
        let result = try ConsistencyCheck(store: try global.openExistingStore()).run()
        if json {
            Console.out(Self.json(result).rendered())
        } else if result.isConsistent {
            global.say(.check(.consistent(groups: result.figures.groups, rows: result.figures.rows)))
        } else {
            for problem in result.integrityProblems {
                Console.error(.check(.integrityProblem(problem)), in: global.language)
            }
            for difference in result.differences { Console.error(.check(.difference(difference)), in: global.language) }
            for difference in result.validKeyDifferences {
                Console.error(.check(.validKeyDifference(difference)), in: global.language)
            }
            if !result.differences.isEmpty {
                Console.error(.check(.inconsistent(differences: result.differences.count)), in: global.language)
            }
        }
        if !result.isConsistent { throw ExitCode(1) }
    }

    private static func json(_ result: ConsistencyCheck.Result) -> JSONValue {
        .object([
            ("consistent", .bool(result.isConsistent)),
            ("integrity", .array(result.integrityProblems.map(JSONValue.string))),
            ("groups", .int(Int64(result.figures.groups))),
            ("rows", .int(result.figures.rows)),
            (
                "differences",
                .array(
                    result.differences.map { difference in
                        .object([
                            ("batch", .int(difference.group.batch)),
                            ("township", difference.township.map(JSONValue.string) ?? .null),
                            ("village", difference.village.map(JSONValue.string) ?? .null),
                            ("outcome", .string(OutcomeKind(rawValue: difference.group.outcome)?.name ?? "?")),
                            ("registered_day", difference.group.registeredDay.map(JSONValue.string) ?? .null),
                            ("all_days", .bool(difference.group.allDays)),
                            ("kept", .int(difference.kept)),
                            ("recomputed", .int(difference.recomputed)),
                        ])
                    })
            ),
            (
                "valid_key_differences",
                .array(
                    result.validKeyDifferences.map { difference in
                        .object([
                            ("key", .string(difference.kind.rawValue)),
                            ("missing", .int(difference.missing)),
                            ("extra", .int(difference.extra)),
                        ])
                    })
            ),
        ])
    }
}
