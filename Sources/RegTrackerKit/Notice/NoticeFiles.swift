import Foundation
import RegTrackerCore
import RegTrackerRender
import ZIPFoundation

/// Writes a notice for people into a folder: `通报-<PERIOD>.md`, `.html` and `.docx` (GB/T 9704-2012), and
/// `排名-<PERIOD>.png`, the ranking as one picture for a phone. Each file is written whole or not at all.
public struct NoticeFiles {
    public var folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Writes every file and returns their paths.
    public func write(_ notice: Notice) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportFileError(path: folder, step: .createFolder, reason: error.localizedDescription)
        }
        let document = NoticeDocument(notice)
        let name = "通报-\(notice.period.description)"
        var written: [String] = []
        written.append(try save(Data(NoticePages.markdown(document).utf8), as: "\(name).md"))
        written.append(try save(Data(NoticePages.html(document).utf8), as: "\(name).html"))
        written.append(try save(try Self.docx(document, issued: notice.issued), as: "\(name).docx"))
        written.append(try save(try Self.png(notice), as: "排名-\(notice.period.description).png"))
        return written
    }

    /// The .docx bytes: the parts of `NoticeWordML`, deflated, with a fixed date so that the same notice gives the
    /// same file.
    public static func docx(_ document: NoticeDocument, issued: CivilDate) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw ReportFileError(path: "docx", step: .startPackage, reason: "\(error)")
        }
        let date = Date(timeIntervalSince1970: 946_728_000)  // 2000-01-01 12:00 UTC
        for part in NoticeWordML.parts(document, issued: issued) {
            let bytes = Data(part.xml.utf8)
            do {
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                    compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch {
                throw ReportFileError(path: part.path, step: .addPackagePart, reason: "\(error)")
            }
        }
        guard let data = archive.data else { throw ReportFileError(path: "docx", step: .emptyPackage) }
        return data
    }

    /// The ranking picture, 1080 pixels wide.
    public static func png(_ notice: Notice) throws -> Data {
        let picture = NoticePicture(notice: notice)
        do {
            return try SVGRaster.png(svg: picture.svg(), width: Int(NoticePicture.width), height: Int(picture.height))
        } catch {
            throw ReportFileError(path: "排名-\(notice.period.description).png", step: .drawPicture, reason: "\(error)")
        }
    }

    private func save(_ data: Data, as file: String) throws -> String {
        let path = (folder as NSString).appendingPathComponent(file)
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ReportFileError(path: path, step: .writeFile, reason: error.localizedDescription)
        }
        return path
    }
}
