import Foundation
import Testing

/// SPEC 4: no report, on any path, shows a full ID number or phone.
@Suite struct ReportPrivacyTests {
    /// A run of exactly 18 (11) digits; digits after a decimal point are a fraction (the rates stored in .xlsx as
    /// `<v>0.0024006903353057199211</v>`), never a personal number.
    static let idPattern = #"(?<![0-9.])[0-9]{17}[0-9Xx](?![0-9])"#
    static let phonePattern = #"(?<![0-9.])1[3-9][0-9]{9}(?![0-9])"#

    /// Every file under `folder`, with .xlsx files unzipped so that their XML parts are scanned too.
    func texts(under folder: String) throws -> [(String, String)] {
        var result: [(String, String)] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            if path.hasSuffix(".xlsx") {
                let parts = path + ".unzipped"
                try Tools.run(
                    try #require(Tools.unzip, "unzip is needed to read .xlsx parts"), ["-q", "-o", path, "-d", parts])
                let inner = try texts(under: parts)
                #expect(inner.contains { $0.0.hasSuffix("sharedStrings.xml") }, "\(relative) unzipped")
                result += inner.map { ("\(relative)!\($0.0)", $0.1) }
                try? FileManager.default.removeItem(atPath: parts)
            } else {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                result.append((relative, String(decoding: data, as: UTF8.self)))
            }
        }
        return result
    }

    @Test(.enabled(if: Tools.unzip != nil, "unzip is not installed; `make test-setup` installs it"))
    func noWrittenFileShowsAFullIDNumberOrPhone() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let fixtures = RegTrackerBinary.fixtures
        #expect(try tool.run("population", "import", "\(fixtures)/roster.csv").status == 0)
        #expect(try tool.run("invalid", "import", "\(fixtures)/invalid.csv").status == 0)
        #expect(try tool.run("import", "\(fixtures)/lists").status == 0)
        // Personal numbers where they do not belong: in the name, the township and the remark, a bad check digit,
        // a phone in an ID column, an unknown township.
        let odd = """
            姓名,乡镇,身份证号,手机号,备注
            13912345678,青石镇,110105194912310070,,
            钱七,青石镇110105194912310089,110105194912310097,,
            孙八,青石镇,110105194912310099,13512345678,身份证 110105194912310097
            李九,白沙镇,13698765432,,
            周十,不存在镇,110105194912310100,18812345678,
            """
        try Data(odd.utf8).write(to: URL(fileURLWithPath: tool.workFolder + "/odd.csv"))
        #expect(try tool.run("import", tool.workFolder + "/odd.csv").status == 0)

        // The data does hold full numbers, so the scan below can find them if a report leaks one.
        let lists = try texts(under: fixtures + "/lists") + [("odd.csv", odd)]
        #expect(lists.contains { !Tools.matches("(" + Self.idPattern + ")", in: $0.1).isEmpty })
        #expect(lists.contains { !Tools.matches("(" + Self.phonePattern + ")", in: $0.1).isEmpty })

        for arguments in [
            ["report", "--out", "out"], ["shortfall", "--out", "out"], ["rejects", "--out", "out/rejects"],
            ["rejects", "青石镇", "--out", "out/qingshi"], ["missing", "--since", "2026-12-01", "--out", "out"],
        ] {
            let run = try tool.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        let files = try texts(under: tool.workFolder + "/out")
        #expect(files.count > 20)
        for (name, text) in files {
            #expect(Tools.matches("(" + Self.idPattern + ")", in: text).isEmpty, "\(name) shows a full ID number")
            #expect(Tools.matches("(" + Self.phonePattern + ")", in: text).isEmpty, "\(name) shows a full phone number")
        }
        // And what is printed on the terminal.
        for arguments in [["rejects"], ["rate", "青石镇"], ["rate", "青石镇", "--json"], ["report"]] {
            let output = try tool.run(arguments)
            for text in [output.stdout, output.stderr] {
                #expect(Tools.matches("(" + Self.idPattern + ")", in: text).isEmpty, "\(arguments)")
                #expect(Tools.matches("(" + Self.phonePattern + ")", in: text).isEmpty, "\(arguments)")
            }
        }
    }
}
