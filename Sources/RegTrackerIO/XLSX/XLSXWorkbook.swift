import RegTrackerCore

/// What an .xlsx says about itself: its sheets and where their parts are, the date system, and
/// which parts hold shared strings and styles.
struct XLSXWorkbook {
    struct Sheet {
        var name: String
        /// The part name in the zip, when the relationship resolves.
        var part: String?
        /// False for chart and dialog sheets.
        var isWorksheet: Bool
        var visibility: SheetInfo.Visibility

        var info: SheetInfo { SheetInfo(name: name, visibility: visibility, isWorksheet: isWorksheet) }
    }

    var sheets: [Sheet] = []
    var date1904 = false
    var sharedStringsPart: String?
    var stylesPart: String?

    static func read(_ package: XLSXPackage) throws(ReadError) -> XLSXWorkbook {
        // The package relationships name the workbook part; xl/workbook.xml when they don't.
        var workbookPart = "xl/workbook.xml"
        if let rootRelationships = try Relationship.read(package, path: "_rels/.rels", folder: "") {
            if let office = rootRelationships.first(where: { $0.type.hasSuffix("/officeDocument") }) {
                workbookPart = office.target
            }
        }
        guard let xml = try package.openXML(workbookPart) else {
            throw ReadError(.noWorkbookPart(workbookPart))
        }
        var workbook = XLSXWorkbook()
        var declared: [(name: String, id: String?, visibility: SheetInfo.Visibility)] = []
        while try xml.readToElement() {
            if xml.isNamed("workbookPr") {
                let value = xml.attribute("date1904") ?? "0"
                workbook.date1904 = value == "1" || value == "true"
            } else if xml.isNamed("sheet") {
                var name = ""
                var id: String?
                var visibility = SheetInfo.Visibility.visible
                xml.forEachAttribute(withNamespaces: true) { local, namespace, value in
                    if cStringEquals(local, "name"), namespace == nil {
                        name = String(cString: value)
                    } else if cStringEquals(local, "id"), namespace != nil {
                        id = String(cString: value)
                    } else if cStringEquals(local, "state"), namespace == nil {
                        if cStringEquals(value, "hidden") { visibility = .hidden }
                        if cStringEquals(value, "veryHidden") { visibility = .veryHidden }
                    }
                }
                declared.append((name, id, visibility))
            }
        }
        let folder = PackagePath.folder(of: workbookPart)
        let relationships =
            try Relationship.read(package, path: PackagePath.relationships(of: workbookPart), folder: folder) ?? []
        func target(_ id: String?) -> Relationship? { relationships.first { $0.id == id } }
        workbook.sheets = declared.map { sheet in
            let relationship = target(sheet.id)
            let isWorksheet =
                relationship.map { !$0.type.hasSuffix("/chartsheet") && !$0.type.hasSuffix("/dialogsheet") } ?? true
            return Sheet(
                name: sheet.name, part: relationship?.target, isWorksheet: isWorksheet, visibility: sheet.visibility)
        }
        workbook.sharedStringsPart =
            relationships.first { $0.type.hasSuffix("/sharedStrings") }?.target
            ?? (package.contains("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil)
        workbook.stylesPart =
            relationships.first { $0.type.hasSuffix("/styles") }?.target
            ?? (package.contains("xl/styles.xml") ? "xl/styles.xml" : nil)
        return workbook
    }
}

/// One `<Relationship>` of a `.rels` part, its target resolved to a part name.
struct Relationship {
    var id: String
    var type: String
    var target: String

    static func read(_ package: XLSXPackage, path: String, folder: String) throws(ReadError) -> [Relationship]? {
        guard let xml = try package.openXML(path) else { return nil }
        var relationships: [Relationship] = []
        while try xml.readToElement() {
            guard xml.isNamed("Relationship") else { continue }
            var id = ""
            var type = ""
            var target = ""
            var external = false
            xml.forEachAttribute { name, _, value in
                if cStringEquals(name, "Id") {
                    id = String(cString: value)
                } else if cStringEquals(name, "Type") {
                    type = String(cString: value)
                } else if cStringEquals(name, "Target") {
                    target = String(cString: value)
                } else if cStringEquals(name, "TargetMode") {
                    external = cStringEquals(value, "External")
                }
            }
            guard !external, !target.isEmpty else { continue }
            relationships.append(Relationship(id: id, type: type, target: PackagePath.resolve(target, from: folder)))
        }
        return relationships
    }
}
