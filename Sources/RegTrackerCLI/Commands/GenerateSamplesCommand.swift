import ArgumentParser
import RegTrackerKit

struct GenerateSamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-samples",
        abstract: "Write reproducible, fictional sample files (roster, township lists, an invalid list).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The folder to write into.")
    var out: String = "imports"

    @Option(help: "Random seed: the same seed writes the same files.")
    var seed: UInt64 = 2026

    func run() throws {
        for path in try SampleGenerator(seed: seed).write(into: out) { global.say(.wrote(path: path)) }
    }
}
