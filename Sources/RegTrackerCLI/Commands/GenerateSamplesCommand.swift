import ArgumentParser
import RegTrackerKit

struct GenerateSamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-samples",
        abstract: Help.text(.samplesAbstract))

    @OptionGroup var global: GlobalOptions

    @Option(help: Help.argument(.samplesFolder))
    var out: String = "imports"

    @Option(help: Help.argument(.samplesSeed))
    var seed: UInt64 = 2026

    func run() throws {
        for path in try SampleGenerator(seed: seed).write(into: out) { global.say(.wrote(path: path)) }
    }
}
