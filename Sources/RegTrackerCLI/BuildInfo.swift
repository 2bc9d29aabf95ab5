/// What `regtracker --version` prints. `make` (Scripts/stamp-version.sh) writes the version and commit here for the
/// build and puts this file back afterwards; a plain `swift build` says "dev".
enum BuildInfo {
    static let version = "dev"
    static let commit = "unknown"

    static var versionLine: String { "regtracker \(version) (commit \(commit))" }
}
