import RegTrackerCore

/// Why a file has no usable header, in the language passed in. Cells quoted from the file are masked: the first row
/// may be a person's ID number or phone.
public enum HeaderErrorText {
    public static func text(_ error: HeaderError, in language: Language) -> String {
        switch error {
        case .noHeader(let cells, let kind):
            let quoted = cells.prefix(8).map { Mask.digits(in: $0) }
            let names = exampleColumns(kind)
            return language.pick(
                "no header row in the first \(HeaderDetector.searchDepth) non-blank rows ("
                    + (cells.isEmpty ? "the file has no non-blank rows" : "the first row reads: \(quoted.joined(separator: ", "))")
                    + "); add a header row with column names such as \(names.joined(separator: ", "))",
                "前 \(HeaderDetector.searchDepth) 个非空行中没有表头行（"
                    + (cells.isEmpty ? "文件没有非空行" : "第一行为：\(quoted.joined(separator: "，"))")
                    + "）；请加一行表头，列名如 \(names.joined(separator: "、"))")
        case .missingColumns(let fields, let row, let headers):
            let found = headers.map { Mask.digits(in: $0) }
            let either = fields.contains(.idNumber) && fields.contains(.phone)
            return language.pick(
                "header row \(row) has no \(fields.map(\.label).joined(separator: ", ")) column"
                    + (either ? " (at least one of ID number and phone)" : "")
                    + "; found columns: \(found.joined(separator: ", ")); add the missing column and import again",
                "第 \(row) 行表头缺少\(fields.map(\.heading).joined(separator: "、"))列"
                    + (either ? "（身份证号和手机号码至少要有一列）" : "")
                    + "；现有列：\(found.joined(separator: "、"))；请补上缺少的列后重新导入")
        }
    }
}

extension HeaderErrorText {
    /// Column names a header of the kind has, to suggest.
    static func exampleColumns(_ kind: FileKind) -> [String] {
        switch kind {
        case .roster: ["乡镇", "实有人口", "目标"]
        case .registrations: ["乡镇", "姓名", "身份证号", "手机号码"]
        case .invalidList: ["身份证号", "手机号码", "原因"]
        }
    }
}

extension HeaderError: CustomStringConvertible {
    /// In English, quoted cells masked.
    public var description: String { HeaderErrorText.text(self, in: .english) }
}
