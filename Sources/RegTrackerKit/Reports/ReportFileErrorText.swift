import RegTrackerRender

/// `ReportFileError` in the reader's language: the file, what could not be done, the system's reason as it gave it,
/// and what to do.
public enum ReportFileErrorText {
    public static func text(_ error: ReportFileError, in language: Language) -> String {
        let what = language.pick(english(error.step), chinese(error.step))
        let reason = error.reason.map { language.pick(" (\($0))", "（\($0)）") } ?? ""
        let advice = language.pick(
            "; check that the folder exists, is writable and has free space, then run the command again",
            "；请检查该文件夹是否存在、可写且有剩余空间，然后重新运行命令")
        return "\(error.path): \(what)\(reason)\(advice)"
    }

    private static func english(_ step: ReportFileError.Step) -> String {
        switch step {
        case .createFolder: "could not create the folder"
        case .writeFile: "could not write the file"
        case .startWorkbook: "could not start the workbook (out of memory?)"
        case .addSheet(let name): "could not add the sheet “\(name)”"
        case .write(let part): "could not write the \(english(part)) of the workbook"
        case .startPackage: "could not start the Word package"
        case .addPackagePart: "could not add this part to the Word package"
        case .emptyPackage: "the Word package came out empty"
        case .drawPicture: "could not draw the ranking picture"
        }
    }

    private static func english(_ part: ReportFileError.SheetPart) -> String {
        switch part {
        case .title: "title"
        case .heading: "heading row"
        case .note: "note"
        case .chart: "chart"
        case .chartColours: "chart colours"
        case .row(let row): "row \(row)"
        }
    }

    private static func chinese(_ step: ReportFileError.Step) -> String {
        switch step {
        case .createFolder: "无法创建文件夹"
        case .writeFile: "无法写入文件"
        case .startWorkbook: "无法新建工作簿（内存不足？）"
        case .addSheet(let name): "无法添加工作表“\(name)”"
        case .write(let part): "无法写入工作簿的\(chinese(part))"
        case .startPackage: "无法新建 Word 文件包"
        case .addPackagePart: "无法向 Word 文件包添加此部分"
        case .emptyPackage: "生成的 Word 文件包为空"
        case .drawPicture: "无法绘制排名图片"
        }
    }

    private static func chinese(_ part: ReportFileError.SheetPart) -> String {
        switch part {
        case .title: "标题"
        case .heading: "表头行"
        case .note: "说明"
        case .chart: "图表"
        case .chartColours: "图表颜色"
        case .row(let row): "第 \(row) 行"
        }
    }
}
