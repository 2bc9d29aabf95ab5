import Foundation
import RegTrackerCore
import RegTrackerIO

/// Turns the paths given to `import` into files: a folder means its importable files, in name order.
public enum Inbox {
    public enum Entry: Sendable, Equatable {
        case file(String)
        /// A path that does not exist.
        case missing(String)
        /// A readable folder with nothing to import.
        case emptyFolder(String)
        /// A folder that cannot be listed: named, and the run fails, so that cron does not take it for an empty inbox.
        case unreadable(String)
    }

    public static func expand(_ paths: [String]) -> [Entry] {
        paths.flatMap { path -> [Entry] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // A broken or looping link is a file that cannot be read: the import rejects it, naming it.
                return [isLink(path) ? .file(path) : .missing(path)]
            }
            guard isDirectory.boolValue else { return [.file(path)] }
            let entries = entries(in: path)
            return entries.isEmpty ? [.emptyFolder(path)] : entries
        }
    }

    /// The `.csv .txt .xml .xlsx .xls` files directly in `folder`, not hidden, not Office lock files (`~$…`).
    public static func importableFiles(in folder: String) -> [String] {
        entries(in: folder).compactMap { if case .file(let path) = $0 { path } else { nil } }
    }

    /// The folder's candidate files in name order, those that cannot be reached (a broken or looping link) included,
    /// so that the import names them; the folder as `.unreadable` when it cannot be listed.
    private static func entries(in folder: String) -> [Entry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [.unreadable(folder)] }
        return names.filter { name in
            guard !name.hasPrefix("."), !name.hasPrefix("~$"), let dot = name.lastIndex(of: ".") else { return false }
            return TableOpener.extensions.contains(name[name.index(after: dot)...].lowercased())
        }
        .sorted(by: UnicodeOrder.precedes)
        .compactMap { name -> Entry? in
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .file(path) }
            return isDirectory.boolValue ? nil : .file(path)
        }
    }

    private static func isLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }
}
