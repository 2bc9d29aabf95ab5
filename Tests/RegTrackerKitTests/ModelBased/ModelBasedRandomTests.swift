import Foundation
import Testing

/// The model-based random test (issue 20): seeded random sequences of registration imports (duplicates within and
/// across files and townships, malformed, masked and flagged rows, unknown townships), `--replace`, rosters that
/// add, drop and rename townships, invalid lists, retractions and purges, run through the Kit use cases against a
/// real SQLite file. After every step the store's report must equal SPEC 2 recomputed from scratch by Core's
/// `OutcomeEngine` over the model's active batches.
///
/// `make test` runs `defaultRuns` seeds of `stepsPerRun` steps. `REGTRACKER_SOAK_SECONDS=600` (`make soak`) runs
/// fresh seeds until the time is up; `REGTRACKER_MODEL_SEED=N` replays one seed. Every seed is printed.
@Suite struct ModelBasedRandomTests {
    static let defaultRuns: ClosedRange<UInt64> = 1...6
    static let stepsPerRun = 250

    @Test func theStoreAgreesWithTheCountingRulesAfterEveryRandomStep() throws {
        let environment = ProcessInfo.processInfo.environment
        if let replay = environment["REGTRACKER_MODEL_SEED"].flatMap(UInt64.init) {
            try run(seed: replay)
        } else if let seconds = environment["REGTRACKER_SOAK_SECONDS"].flatMap(Double.init) {
            // Seeds from the clock, so that every soak explores new sequences; each is printed for a replay.
            let deadline = Date().addingTimeInterval(seconds)
            var seed = UInt64(Date().timeIntervalSince1970 * 1000)
            var runs = 0
            while Date() < deadline {
                guard try run(seed: seed) else { return }
                seed += 1
                runs += 1
            }
            print("model-based soak: \(runs) runs of \(Self.stepsPerRun) steps, no difference")
        } else {
            for seed in Self.defaultRuns { guard try run(seed: seed) else { return } }
        }
    }

    /// One run; false (with the difference recorded) when the store and the model disagreed.
    @discardableResult
    private func run(seed: UInt64) throws -> Bool {
        var run = try ModelRun(seed: seed, steps: Self.stepsPerRun)
        let outcome = try run.run()
        print("model-based seed \(seed): \(outcome.steps) steps, \(outcome.rows) active rows at the end")
        if let failure = outcome.failure {
            Issue.record(Comment(rawValue: failure))
            return false
        }
        return true
    }
}
