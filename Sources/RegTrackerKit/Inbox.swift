import Foundation
import RegTrackerCore
import RegTrackerIO

/// Turns the paths given to `import` into files: a folder means its importable files, in name order.
public enum Inbox {
    public enum Entry: Sendable, Equatable {
        case file(String)
        /// A path that does not exist.
        case missing(String)
        /// A folder with nothing to import.
        case emptyFolder(String)
    }

    public static func expand(_ paths: [String]) -> [Entry] {
        paths.flatMap { path -> [Entry] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [.missing(path)] }
            guard isDirectory.boolValue else { return [.file(path)] }
            let files = importableFiles(in: path)
            return files.isEmpty ? [.emptyFolder(path)] : files.map(Entry.file)
        }
    }

    /// The `.csv .txt .xml .xlsx .xls` files directly in `folder`, not hidden, not Office lock files (`~$…`).
    public static func importableFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            guard !name.hasPrefix("."), !name.hasPrefix("~$"), let dot = name.lastIndex(of: ".") else { return false }
            var isDirectory: ObjCBool = false
            let path = folder + "/" + name
            return TableOpener.extensions.contains(name[name.index(after: dot)...].lowercased())
                && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        .sorted(by: UnicodeOrder.precedes)
        .map { folder.hasSuffix("/") ? folder + $0 : folder + "/" + $0 }
    }
}
