import ArgumentParser
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// 未报送名单: the townships that have sent no registration list since a date, as the office names them in notices.
struct MissingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missing", abstract: Help.text(.missingAbstract))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: Help.argument(.missingSince))
    var since: Checked<CivilDate>

    @Flag(help: Help.argument(.printJSON(.list)))
    var json = false

    func validate() throws {
        try since.check { _ in Strings.text(.badDate(since.text), in: global.language) }
    }

    func run() throws {
        let date = since.value
        let service = ReportService(store: try global.openExistingStore())
        let missing = try service.missing(since: date)
        let (report, _) = try service.report(target: .default)
        let of = report.townships.count
        if json {
            Console.out(
                JSONValue.object([
                    ("since", .string(date.iso8601Unchecked)),
                    (
                        "townships",
                        .array(
                            missing.map {
                                .object(
                                    [("township", .string($0.township))]
                                        + ($0.county.map { [("county", JSONValue.string($0))] } ?? []) + [
                                            ("last_submission", $0.lastSubmission.map(JSONValue.string) ?? .null)
                                        ])
                            })
                    ),
                    ("missing", .int(Int64(missing.count))),
                    ("of", .int(Int64(of))),
                ]).rendered())
        }
        if let files = output.files(clock: global.clock) {
            let written = try files.writeMissing(missing, since: date, formats: output.formats)
            for path in written where !json { global.say(.wrote(path: path)) }
        }
        if !json && output.out == nil {
            if missing.isEmpty { return global.say(.nobodyMissing(since: date.iso8601Unchecked)) }
            global.say(.missingTitle(since: date.iso8601Unchecked, count: missing.count, of: of))
            for township in missing {
                global.say(.missingLine(township: township.label, last: township.lastSubmission))
            }
        }
    }
}
