import ArgumentParser
import RegTrackerCore
import RegTrackerKit

struct RejectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejects", abstract: "Rows that do not count, with outcome and reason, for the township to fix.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Only this township's rows (default: every township and the unassigned rows).")
    var township: String?

    func run() throws {
        let service = ReportService(store: try global.openStore())
        let townshipID = try township.map { try resolveTownship($0, service: service).id }
        let rejects = try service.rejects(township: townshipID)
        if let files = output.files(clock: global.clock) {
            for path in try output.writing({ try files.writeRejects(rejects, formats: output.formats) }) {
                global.say(.wrote(path: path))
            }
            return
        }
        let rows = rejects.map { reject in
            [
                reject.township ?? "(\(reject.townshipText.isEmpty ? "—" : Mask.digits(in: reject.townshipText)))",
                reject.fileName, String(reject.rowNumber), Mask.digits(in: reject.name),
                Strings.text(.outcome(reject.outcome)), Mask.digits(in: reject.reason),
            ]
        }
        global.say(ReportTable.aligned([["乡镇", "文件", "行号", "姓名", "结果", "原因"]] + rows))
        global.say(.rowsNotCounted(rejects.count))
    }
}
