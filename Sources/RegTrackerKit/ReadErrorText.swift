import Glibc
import RegTrackerCore
import RegTrackerIO
import RegTrackerRender

/// Why a file cannot be read, in the language passed in: the place, what is wrong, and what to do
/// (`line 3: not valid UTF-8; save the file as UTF-8, …`). The pipeline puts the file name in front.
/// The readers (RegTrackerIO) only say which problem it is; every word of it is here.
public enum ReadErrorText {
    public static func text(_ error: ReadError, in language: Language) -> String {
        let (what, todo) = words(error.problem, in: language)
        let body = language.pick("\(what); \(todo)", "\(what)；\(todo)")
        guard let location = error.location else { return body }
        return language.pick("\(place(location, in: language)): \(body)", "\(place(location, in: language))：\(body)")
    }

    /// "line 12", "xl/worksheets/sheet1.xml line 3", "sheet "名单" row 5".
    public static func place(_ location: ReadError.Location, in language: Language) -> String {
        switch location {
        case .line(let line): language.pick("line \(line)", "第 \(line) 行")
        case .partLine(let part, let line): language.pick("\(part) line \(line)", "\(part) 第 \(line) 行")
        case .part(let part): part
        case .sheetRow(let sheet, let row): language.pick("sheet \"\(sheet)\" row \(row)", "工作表“\(sheet)”第 \(row) 行")
        }
    }

    private static func words(_ problem: ReadError.Problem, in l: Language) -> (what: String, todo: String) {
        let resave = l.pick("save it again from Excel", "请用 Excel 重新保存")
        let resaveOrExport = l.pick(
            "save the file again from Excel, or export it as .xlsx or CSV", "请用 Excel 重新保存，或导出为 .xlsx 或 CSV")
        let sheetDamaged = l.pick("the sheet is damaged; save it again from Excel", "工作表已损坏；请用 Excel 重新保存")
        let notFromExcel = l.pick(
            "this is not a file Excel writes; ask for the list again as .xlsx or CSV",
            "这不是 Excel 生成的文件；请对方重新以 .xlsx 或 CSV 报送名单")
        let saveXLSAsXLSX = l.pick("open it in Excel or WPS and save it as .xlsx", "请用 Excel 或 WPS 打开并另存为 .xlsx")
        let chooseSheet = l.pick(
            "pass --sheet with the name or position of the sheet that holds the list", "请用 --sheet 指定存放名单的工作表名称或序号")
        switch problem {
        case .notFound(let code):
            return (
                l.pick("file not found or not accessible (\(system(code, l)))", "找不到文件或无权访问（\(system(code, l))）"),
                l.pick("check the path", "请检查路径")
            )
        case .notRegularFile:
            return (
                l.pick("not a regular file", "不是普通文件"),
                l.pick(
                    "give the path of a .csv, .txt, .xml, .xlsx, .xls or .et file",
                    "请给出 .csv、.txt、.xml、.xlsx、.xls 或 .et 文件的路径")
            )
        case .cannotOpen(let code):
            let why = code.map { l.pick(" (\(system($0, l)))", "（\(system($0, l))）") } ?? ""
            return (
                l.pick("cannot open the file\(why)", "无法打开文件\(why)"),
                l.pick("check that it exists and that you may read it", "请检查文件是否存在、是否有读取权限")
            )
        case .cannotRead(let code):
            return (
                l.pick("cannot read the file (\(system(code, l)))", "无法读取文件（\(system(code, l))）"),
                l.pick("check the disk and run the import again", "请检查磁盘后重新导入")
            )
        case .unsupportedType(let ext):
            return (
                l.pick(
                    "unsupported file type \(ext.map { ".\($0)" } ?? "(no extension)")",
                    "不支持的文件类型\(ext.map { " .\($0)" } ?? "（无扩展名）")"),
                l.pick(
                    "regtracker reads .csv, .txt, .xml, .xlsx, .xls and .et files",
                    "regtracker 可读取 .csv、.txt、.xml、.xlsx、.xls 和 .et 文件")
            )
        case .notUTF8:
            return (
                l.pick("not valid UTF-8", "不是有效的 UTF-8 文本"),
                l.pick(
                    "save the file as UTF-8, or import it with --encoding gb18030",
                    "请把文件另存为 UTF-8，或用 --encoding gb18030 导入")
            )
        case .notUTF8OrGB18030:
            return (
                l.pick("neither UTF-8 nor GB18030 text", "既不是 UTF-8 也不是 GB18030 文本"),
                l.pick(
                    "save the file as CSV UTF-8 from Excel, or check that it is a text file",
                    "请在 Excel 中另存为“CSV UTF-8”，或检查它是否为文本文件")
            )
        case .notUTF16:
            return (
                l.pick("not valid UTF-16 text", "不是有效的 UTF-16（Unicode 文本）"),
                l.pick("save the file as CSV UTF-8 from Excel", "请在 Excel 中另存为“CSV UTF-8”"))
        case .gb18030Unavailable:
            return (
                l.pick("this system's iconv cannot convert GB18030", "本系统的 iconv 不支持 GB18030"),
                l.pick("save the file as UTF-8", "请把文件另存为 UTF-8")
            )
        case .notGB18030Encodable:
            return (l.pick("text cannot be written as GB18030", "文字无法用 GB18030 编码"), l.pick("use UTF-8", "请改用 UTF-8"))
        case .recordTooLong(let megabytes, let openQuote):
            return (
                l.pick("a record longer than \(megabytes) MB starts here", "此处开始的一条记录超过 \(megabytes) MB"),
                openQuote
                    ? l.pick("a quote (\") is probably never closed", "很可能有一个引号（\"）没有闭合")
                    : l.pick("check that this is a CSV list", "请检查这是否为 CSV 名单")
            )
        case .tooManyFields(let maximum):
            return (
                l.pick("a record with more than \(maximum) fields starts here", "此处开始的一条记录超过 \(maximum) 个字段"),
                l.pick(
                    "a list has at most \(maximum) columns; check that this is a CSV list",
                    "名单最多 \(maximum) 列；请检查这是否为 CSV 名单")
            )
        case .unclosedQuote:
            return (
                l.pick("a quoted field opened here is never closed", "此处开始的带引号字段没有闭合"),
                l.pick(
                    "the file is truncated or has a stray \" character; save it again from Excel",
                    "文件不完整或有多余的 \" 字符；请用 Excel 重新保存")
            )
        case .cannotParseXML(let part):
            return (l.pick("cannot parse \(part ?? "the XML")", "无法解析\(part.map { " \($0)" } ?? " XML")"), resave)
        case .malformedXML(let parserMessage, let fault):
            // Chinese: the fault in Chinese where it is a common one, else libxml2's English words as a detail.
            let detail = fault.map(chineseDetail) ?? parserMessage.map { "解析器：\($0)" }
            return (
                l.pick(
                    "malformed XML" + (parserMessage.map { ": \($0)" } ?? ""),
                    "XML 格式错误" + (detail.map { "（\($0)）" } ?? "")),
                l.pick(
                    "the file is damaged or not real XML; save it again from Excel, or export it as .xlsx or CSV",
                    "文件已损坏或不是真正的 XML；请用 Excel 重新保存，或导出为 .xlsx 或 CSV")
            )
        case .documentType:
            return (
                l.pick(
                    "the XML has a DOCTYPE declaration (entities or an external DTD), which no spreadsheet has; refused",
                    "XML 含 DOCTYPE 声明（实体或外部 DTD），电子表格不会有，已拒绝"),
                notFromExcel
            )
        case .notSpreadsheetXML(let root, let namespace):
            let en =
                root.map { "root element is <\($0)>" + (namespace.map { " in namespace \($0)" } ?? "") }
                ?? "it has no root element"
            let zh = root.map { "根元素为 <\($0)>" + (namespace.map { "（命名空间 \($0)）" } ?? "") } ?? "没有根元素"
            return (
                l.pick("not a spreadsheet XML file: \(en)", "不是电子表格 XML 文件：\(zh)"),
                l.pick("export the sheet as .xlsx or CSV", "请把表格导出为 .xlsx 或 CSV")
            )
        case .badIndex(let element, let value):
            let name = element == .row ? l.pick("row", "行") : l.pick("cell", "单元格")
            return (
                l.pick(
                    "\(name) has ss:Index=\"\(value)\", which is not a positive whole number",
                    "\(name)的 ss:Index=\"\(value)\" 不是正整数"),
                resaveOrExport
            )
        case .columnBeyondLimit(let column, let maximum):
            return (
                l.pick(
                    "cell in column \(column), beyond the \(maximum) columns a sheet can have",
                    "单元格位于第 \(column) 列，超出工作表最多 \(maximum) 列"),
                resaveOrExport
            )
        case .noWorksheet:
            return (
                l.pick("the workbook has no worksheet", "工作簿中没有工作表"),
                l.pick("check that this is the right file", "请确认文件是否正确")
            )
        case .noVisibleWorksheet(let sheets):
            let listed = sheets.map { sheet in
                let kind = sheet.isWorksheet ? visibility(sheet.visibility, l) : l.pick("chart", "图表")
                return l.pick("\"\(sheet.name)\" (\(kind))", "“\(sheet.name)”（\(kind)）")
            }
            return (
                l.pick(
                    "the workbook has no visible worksheet; its sheets: \(listed.joined(separator: ", "))",
                    "工作簿中没有可见的工作表；其工作表：\(listed.joined(separator: "、"))"),
                l.pick("pass --sheet with the name or position of the sheet", "请用 --sheet 指定工作表名称或序号")
            )
        case .sheetNotFound(let selector, let sheets):
            let wanted =
                switch selector {
                case .name(let name): l.pick("no sheet named \"\(name)\"", "没有名为“\(name)”的工作表")
                case .position(let position): l.pick("no sheet at position \(position)", "没有第 \(position) 个工作表")
                }
            let count = sheets.count
            return (
                l.pick(
                    "\(wanted); the workbook has \(count) sheet\(count == 1 ? "" : "s"): "
                        + sheets.map { "\"\($0)\"" }.joined(separator: ", "),
                    "\(wanted)；工作簿共有 \(count) 个工作表：" + sheets.map { "“\($0)”" }.joined(separator: "、")),
                l.pick(
                    "pass --sheet with one of these names, or a position from 1 to \(count)",
                    "请用 --sheet 指定其中一个名称，或 1 到 \(count) 的序号")
            )
        case .notAWorksheet(let sheet):
            return (
                l.pick(
                    "sheet \"\(sheet)\" is a chart or macro sheet, not a worksheet", "工作表“\(sheet)”是图表或宏表，不是普通工作表"),
                chooseSheet
            )
        case .noSheetPart(let sheet):
            return (
                l.pick("sheet \"\(sheet)\" has no worksheet part in the .xlsx", "工作表“\(sheet)”在 .xlsx 中没有对应的数据部件"),
                resave
            )
        case .sheetPartNotWorksheet(let sheet):
            return (l.pick("the part of sheet \"\(sheet)\" is not a worksheet", "工作表“\(sheet)”的数据部件不是工作表"), resave)
        case .badRowNumber(let given, let from, let to):
            return (
                l.pick(
                    "row r=\"\(given)\" is not a row number from \(from) to \(to)",
                    "行号 r=\"\(given)\" 不在 \(from) 到 \(to) 之间"),
                sheetDamaged
            )
        case .tooManyRows(let maximum):
            return (
                l.pick("more than \(maximum) rows, the most a sheet can have", "超过 \(maximum) 行，即工作表最多能有的行数"),
                sheetDamaged
            )
        case .columnBeyondXFD(let reference, let position):
            return (
                l.pick(
                    "cell \(reference ?? "number \(position)") lies beyond column XFD, the last a sheet can have",
                    "单元格 \(reference ?? "（该行第 \(position) 个）") 超出工作表的最后一列 XFD"),
                sheetDamaged
            )
        case .badSharedStringIndex(let value):
            return (
                l.pick("shared string index \"\(value)\" is not a number", "共享字符串序号 \"\(value)\" 不是数字"), sheetDamaged
            )
        case .noSuchSharedString(let index, let count):
            return (
                l.pick(
                    "shared string \(index) does not exist (the table has \(count))",
                    "第 \(index) 个共享字符串不存在（共 \(count) 个）"),
                l.pick("the workbook is damaged; save it again from Excel", "工作簿已损坏；请用 Excel 重新保存")
            )
        case .sharedStringsMissing:
            return (
                l.pick(
                    "shared strings missing: the sheet uses shared strings but no sharedStrings.xml is beside it",
                    "缺少共享字符串：工作表引用了共享字符串，但旁边没有 sharedStrings.xml"),
                l.pick(
                    "put the workbook's xl/sharedStrings.xml next to the sheet, or import the .xlsx itself",
                    "请把工作簿的 xl/sharedStrings.xml 放在工作表旁边，或直接导入 .xlsx 文件")
            )
        case .zipDamaged:
            return (
                l.pick("not a readable .xlsx (zip archive damaged or truncated)", "无法读取的 .xlsx（zip 压缩包已损坏或不完整）"), resave
            )
        case .zipEntryOutside(let name):
            return (
                l.pick("zip entry name \"\(name)\" points outside the package; refused", "zip 条目名“\(name)”指向压缩包之外，已拒绝"),
                notFromExcel
            )
        case .zipBomb(let entry, let declared, let compressed):
            return (
                l.pick(
                    "zip entry \(entry) claims \(declared) bytes from \(compressed) compressed; refused as a zip bomb",
                    "zip 条目 \(entry) 声称由 \(compressed) 字节解压为 \(declared) 字节，疑为压缩炸弹，已拒绝"),
                notFromExcel
            )
        case .zipEntryOverflows(let entry, let declared):
            return (
                l.pick(
                    "zip entry \(entry) inflates to more than the \(declared) bytes it claims; refused",
                    "zip 条目 \(entry) 解压后超过其声明的 \(declared) 字节，已拒绝"),
                l.pick(
                    "the workbook is damaged or hostile; ask for the list again as .xlsx or CSV",
                    "工作簿已损坏或有恶意内容；请对方重新以 .xlsx 或 CSV 报送名单")
            )
        case .noWorkbookPart(let part):
            return (
                l.pick("the .xlsx has no workbook part (\(part))", ".xlsx 中没有工作簿部件（\(part)）"),
                l.pick("save it again from Excel as .xlsx", "请用 Excel 重新另存为 .xlsx")
            )
        case .encrypted:
            return (
                l.pick("encrypted workbook: it is protected with a password", "工作簿已加密：设有密码保护"),
                l.pick("open it in Excel, remove the password and save as .xlsx", "请在 Excel 中打开，取消密码后另存为 .xlsx")
            )
        case .xlsTooLarge(let mebibytes):
            return (
                l.pick("the .xls file is larger than \(mebibytes) MiB", ".xls 文件超过 \(mebibytes) MiB"),
                l.pick("save it as .xlsx, or split it", "请另存为 .xlsx，或拆分成几个文件")
            )
        case .xlsTooOld:
            return (
                l.pick(
                    "an Excel 2.x–4.x workbook (BIFF2–4), older than regtracker reads",
                    "这是 Excel 2.x–4.x 工作簿（BIFF2–4），版本过旧，regtracker 无法读取"),
                saveXLSAsXLSX
            )
        case .xlsDamaged(let damage):
            return (
                l.pick("not a readable .xls workbook (\(detail(damage, l)))", "无法读取的 .xls 工作簿（\(detail(damage, l))）"),
                saveXLSAsXLSX
            )
        case .cellPastColumnIV:
            return (
                l.pick("a cell lies past column IV, the last of an .xls sheet", "有单元格超出 .xls 工作表的最后一列 IV"),
                saveXLSAsXLSX
            )
        case .cannotCreateTemporaryFile(let directory):
            return (
                l.pick("cannot create a temporary file in \(directory)", "无法在 \(directory) 中创建临时文件"),
                l.pick(
                    "check that the temporary directory (TMPDIR) exists and is writable", "请检查临时目录（TMPDIR）是否存在且可写")
            )
        case .cannotReadTemporaryFile(let code):
            return (
                l.pick("cannot read back a temporary file (\(system(code, l)))", "无法读回临时文件（\(system(code, l))）"),
                l.pick("check the temporary directory (TMPDIR)", "请检查临时目录（TMPDIR）")
            )
        case .temporaryFileCutShort:
            return (
                l.pick("a temporary file was cut short while in use", "临时文件在使用中被截断"),
                l.pick("check the temporary directory (TMPDIR) and run the import again", "请检查临时目录（TMPDIR）后重新导入")
            )
        case .cannotWriteTemporaryFile(let code):
            return (
                l.pick("cannot write a temporary file (\(system(code, l)))", "无法写入临时文件（\(system(code, l))）"),
                l.pick(
                    "free some space in the temporary directory (TMPDIR), or point TMPDIR at a disk with room",
                    "请腾出临时目录（TMPDIR）的空间，或把 TMPDIR 指向有空间的磁盘")
            )
        }
    }

    private static func chineseDetail(_ fault: XMLFault) -> String {
        switch fault {
        case .tagMismatch: "开始标签与结束标签不配对"
        case .cutShort: "文件在元素结束前中断，可能不完整"
        case .contentAfterEnd: "文档结束后还有多余内容"
        case .undeclaredPrefix: "使用了未声明的命名空间前缀"
        case .invalidCharacter: "含有 XML 不允许的字符"
        case .undeclaredEntity: "含有未定义的实体（以 & 开头）"
        case .badAttribute: "属性写法有误"
        }
    }

    /// What is wrong inside an .xls file, for the words in brackets.
    private static func detail(_ damage: ReadError.XLSDamage, _ l: Language) -> String {
        switch damage {
        case .notCompoundFile: l.pick("it is not an OLE compound file", "不是 OLE 复合文件")
        case .badSectorSize: l.pick("its sector size is invalid", "扇区大小无效")
        case .badMiniSectorSize: l.pick("its mini sector size is invalid", "小扇区大小无效")
        case .difatLoops: l.pick("its DIFAT chain loops", "DIFAT 链成环")
        case .noAllocationTable: l.pick("it has no sector allocation table", "没有扇区分配表")
        case .allocationTableTooLarge: l.pick("its allocation table is larger than the file", "扇区分配表比文件还大")
        case .noRootEntry: l.pick("its directory has no root entry", "目录中没有根条目")
        case .chainOutsideFile(let chain):
            l.pick("its \(name(chain, l)) points outside the file", "\(name(chain, l))指向文件之外")
        case .chainLoops(let chain): l.pick("its \(name(chain, l)) chain loops", "\(name(chain, l))的扇区链成环")
        case .pastMiniStream(let stream):
            l.pick("stream \"\(stream)\" points past the mini stream", "数据流“\(stream)”指向小数据流之外")
        case .cutShort(let chain): l.pick("\(name(chain, l)) is cut short", "\(name(chain, l))不完整")
        case .noWorkbookStream:
            l.pick(
                "it holds no Workbook stream: it may be a Word or other Office file",
                "没有 Workbook 数据流：可能是 Word 或其他 Office 文件")
        case .emptyWorkbookStream: l.pick("its workbook stream is empty", "工作簿数据流为空")
        case .noBOF: l.pick("its workbook stream does not start with a BOF record", "工作簿数据流不以 BOF 记录开头")
        case .sheetEntryCutShort: l.pick("a sheet entry is cut short", "有一个工作表条目不完整")
        case .tooManySheets(let maximum): l.pick("it lists more than \(maximum) sheets", "列出的工作表超过 \(maximum) 个")
        case .tooManyNumberFormats: l.pick("it has too many number formats", "数字格式过多")
        case .tooManyCellFormats: l.pick("it has too many cell formats", "单元格格式过多")
        case .sheetMisplaced(let sheet):
            l.pick("sheet \"\(sheet)\" is not where the workbook says it is", "工作表“\(sheet)”不在工作簿记录的位置")
        case .cellRecordCutShort: l.pick("a cell record is cut short", "有一条单元格记录不完整")
        }
    }

    private static func name(_ chain: ReadError.Chain, _ l: Language) -> String {
        switch chain {
        case .directory: l.pick("directory", "目录")
        case .miniStream: l.pick("mini stream", "小数据流")
        case .miniFAT: l.pick("mini FAT", "小扇区分配表")
        case .stream(let name): l.pick("stream \"\(name)\"", "数据流“\(name)”")
        }
    }

    private static func visibility(_ visibility: SheetInfo.Visibility, _ l: Language) -> String {
        switch visibility {
        case .visible: l.pick("visible", "可见")
        case .hidden: l.pick("hidden", "隐藏")
        case .veryHidden: l.pick("very hidden", "深度隐藏")
        }
    }

    /// The system's reason (`errno`), in Chinese for the ones a clerk meets; the C library's English otherwise.
    private static func system(_ code: Int32, _ l: Language) -> String {
        let english = String(cString: strerror(code))
        guard l == .chinese else { return english }
        return switch code {
        case ENOENT: "没有这个文件或目录"
        case EACCES, EPERM: "权限不够"
        case ENOTDIR: "路径中有一段不是目录"
        case EISDIR: "这是一个目录"
        case ENOSPC: "磁盘空间不足"
        case EIO: "输入/输出错误"
        case EROFS: "只读文件系统"
        case EMFILE, ENFILE: "打开的文件过多"
        default: english
        }
    }
}
