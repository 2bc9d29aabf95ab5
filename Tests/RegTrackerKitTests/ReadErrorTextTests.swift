import Glibc
import RegTrackerCore
import RegTrackerIO
import RegTrackerStore
import Testing

@testable import RegTrackerKit

/// Problems found inside a file are values; the catalogue words them in the language passed in (SPEC 7), with the
/// place and what to do. Plain values: no process, no environment.
struct ReadErrorTextTests {
    @Test func aBadByteInACSVIsNamedByItsLineInEitherLanguage() {
        let error = ReadError(.notUTF8, at: .line(1001))
        #expect(
            ReadErrorText.text(error, in: .english)
                == "line 1001: not valid UTF-8; save the file as UTF-8, or import it with --encoding gb18030")
        #expect(
            ReadErrorText.text(error, in: .chinese) == "第 1001 行：不是有效的 UTF-8 文本；请把文件另存为 UTF-8，或用 --encoding gb18030 导入")
    }

    @Test func anUnknownSheetListsTheSheetsAndSaysHowToChooseOne() {
        let error = ReadError(.sheetNotFound(.name("三月"), sheets: ["名单", "汇总"]))
        #expect(
            ReadErrorText.text(error, in: .english)
                == "no sheet named \"三月\"; the workbook has 2 sheets: \"名单\", \"汇总\"; "
                + "pass --sheet with one of these names, or a position from 1 to 2")
        #expect(
            ReadErrorText.text(error, in: .chinese)
                == "没有名为“三月”的工作表；工作簿共有 2 个工作表：“名单”、“汇总”；请用 --sheet 指定其中一个名称，或 1 到 2 的序号")
    }

    @Test func aPlaceInsideAWorkbookNamesThePartOrTheSheet() {
        let part = ReadError(.sharedStringsMissing, at: .partLine("xl/worksheets/sheet1.xml", line: 3))
        #expect(
            ReadErrorText.text(part, in: .english).hasPrefix("xl/worksheets/sheet1.xml line 3: shared strings missing"))
        #expect(ReadErrorText.text(part, in: .chinese).hasPrefix("xl/worksheets/sheet1.xml 第 3 行：缺少共享字符串"))
        let row = ReadError(.cellPastColumnIV, at: .sheetRow("名单", row: 5))
        #expect(
            ReadErrorText.text(row, in: .english)
                == "sheet \"名单\" row 5: a cell lies past column IV, the last of an .xls sheet; "
                + "open it in Excel or WPS and save it as .xlsx")
        #expect(
            ReadErrorText.text(row, in: .chinese)
                == "工作表“名单”第 5 行：有单元格超出 .xls 工作表的最后一列 IV；请用 Excel 或 WPS 打开并另存为 .xlsx")
    }

    @Test func whatIsWrongInsideAnXLSIsWordedInBothLanguages() {
        let loops = ReadError(.xlsDamaged(.chainLoops(.stream("Workbook"))))
        #expect(
            ReadErrorText.text(loops, in: .english)
                == "not a readable .xls workbook (its stream \"Workbook\" chain loops); "
                + "open it in Excel or WPS and save it as .xlsx")
        #expect(
            ReadErrorText.text(loops, in: .chinese)
                == "无法读取的 .xls 工作簿（数据流“Workbook”的扇区链成环）；请用 Excel 或 WPS 打开并另存为 .xlsx")
        let cut = ReadError(.xlsDamaged(.cutShort(.directory)))
        #expect(
            ReadErrorText.text(cut, in: .english).hasPrefix("not a readable .xls workbook (directory is cut short)"))
        #expect(ReadErrorText.text(cut, in: .chinese).hasPrefix("无法读取的 .xls 工作簿（目录不完整）"))
    }

    @Test func theHintFollowsWhatTheReaderSaw() {
        let quoted = ReadErrorText.text(
            ReadError(.recordTooLong(megabytes: 16, openQuote: true), at: .line(2)), in: .chinese)
        #expect(quoted == "第 2 行：此处开始的一条记录超过 16 MB；很可能有一个引号（\"）没有闭合")
        let plain = ReadErrorText.text(
            ReadError(.recordTooLong(megabytes: 16, openQuote: false), at: .line(2)), in: .english)
        #expect(plain == "line 2: a record longer than 16 MB starts here; check that this is a CSV list")
    }

    @Test func theSystemsReasonIsChineseForTheCommonOnes() {
        let missing = ReadError(.notFound(errno: ENOENT))
        #expect(ReadErrorText.text(missing, in: .chinese) == "找不到文件或无权访问（没有这个文件或目录）；请检查路径")
        #expect(
            ReadErrorText.text(missing, in: .english)
                == "file not found or not accessible (No such file or directory); check the path")
    }

    /// One value of every problem: each is worded in both languages, differently, and says what to do.
    static let everyProblem: [ReadError.Problem] = [
        .notFound(errno: ENOENT), .notRegularFile, .cannotOpen(errno: EACCES), .cannotOpen(errno: nil),
        .cannotRead(errno: EIO), .unsupportedType(extension: "pdf"), .unsupportedType(extension: nil), .notUTF8,
        .notUTF8OrGB18030, .notUTF16, .gb18030Unavailable, .notGB18030Encodable,
        .recordTooLong(megabytes: 16, openQuote: false), .tooManyFields(maximum: 16_384), .unclosedQuote,
        .cannotParseXML(part: nil), .cannotParseXML(part: "xl/workbook.xml"), .malformedXML(parserMessage: nil),
        .malformedXML(parserMessage: "Opening and ending tag mismatch: Data line 5 and Cell"),
        .malformedXML(parserMessage: "Opening and ending tag mismatch: Data line 5 and Cell", fault: .tagMismatch),
        .malformedXML(parserMessage: "Premature end of data in tag Row line 3", fault: .cutShort),
        .malformedXML(parserMessage: "x", fault: .contentAfterEnd), .malformedXML(parserMessage: "x", fault: .undeclaredPrefix),
        .malformedXML(parserMessage: "x", fault: .invalidCharacter), .malformedXML(parserMessage: "x", fault: .undeclaredEntity),
        .malformedXML(parserMessage: "x", fault: .badAttribute), .documentType,
        .notSpreadsheetXML(root: nil, namespace: nil), .notSpreadsheetXML(root: "html", namespace: "urn:x"),
        .badIndex(element: .row, value: "0"), .badIndex(element: .cell, value: "x"),
        .columnBeyondLimit(column: 20_000, maximum: 16_384), .noWorksheet,
        .noVisibleWorksheet([SheetInfo(name: "a", visibility: .hidden), SheetInfo(name: "b", isWorksheet: false)]),
        .sheetNotFound(.position(3), sheets: ["名单"]), .notAWorksheet(sheet: "图表1"), .noSheetPart(sheet: "名单"),
        .sheetPartNotWorksheet(sheet: "名单"), .badRowNumber("0", from: 1, to: 1_048_576),
        .tooManyRows(maximum: 1_048_576), .columnBeyondXFD(reference: "XFE1", position: 16_385),
        .columnBeyondXFD(reference: nil, position: 16_385), .badSharedStringIndex("x"),
        .noSuchSharedString(index: 9, count: 3), .sharedStringsMissing, .zipDamaged, .zipEntryOutside("../x"),
        .zipBomb(entry: "xl/a.xml", declared: 200_000_000, compressed: 100),
        .zipEntryOverflows(entry: "xl/a.xml", declared: 20),
        .noWorkbookPart("xl/workbook.xml"), .encrypted, .xlsTooLarge(mebibytes: 256), .xlsTooOld,
        .xlsDamaged(.notCompoundFile), .xlsDamaged(.badSectorSize), .xlsDamaged(.badMiniSectorSize),
        .xlsDamaged(.difatLoops), .xlsDamaged(.noAllocationTable), .xlsDamaged(.allocationTableTooLarge),
        .xlsDamaged(.noRootEntry), .xlsDamaged(.chainOutsideFile(.miniFAT)), .xlsDamaged(.chainLoops(.miniStream)),
        .xlsDamaged(.pastMiniStream(stream: "Workbook")), .xlsDamaged(.noWorkbookStream),
        .xlsDamaged(.emptyWorkbookStream), .xlsDamaged(.noBOF), .xlsDamaged(.sheetEntryCutShort),
        .xlsDamaged(.tooManySheets(maximum: 4_096)), .xlsDamaged(.tooManyNumberFormats),
        .xlsDamaged(.tooManyCellFormats), .xlsDamaged(.sheetMisplaced("名单")), .xlsDamaged(.cellRecordCutShort),
        .cellPastColumnIV, .cannotCreateTemporaryFile(directory: "/tmp"), .cannotReadTemporaryFile(errno: EIO),
        .temporaryFileCutShort, .cannotWriteTemporaryFile(errno: ENOSPC),
    ]

    @Test(arguments: everyProblem)
    func everyProblemIsWordedInBothLanguagesWithWhatToDo(problem: ReadError.Problem) {
        let english = ReadErrorText.text(ReadError(problem), in: .english)
        let chinese = ReadErrorText.text(ReadError(problem), in: .chinese)
        #expect(english != chinese)
        #expect(english.contains("; "), "\(english)")
        #expect(chinese.contains("；"), "\(chinese)")
        // The Chinese wording is Chinese: what English is left is names (files, options, formats, quoted values).
        let words = chinese.split { !$0.isLetter || !$0.isASCII }.map(String.init)
        let allowed: Set<String> = [
            "UTF", "GB", "gb", "encoding", "csv", "txt", "xml", "xlsx", "xls", "et", "regtracker", "iconv", "CSV",
            "Excel", "WPS", "XML", "DOCTYPE", "DTD", "ss", "Index", "sheet", "r", "XFD", "XFE", "IV", "sharedStrings",
            "zip", "MiB", "MB", "BIFF", "OLE", "DIFAT", "BOF", "Workbook", "Word", "Office", "TMPDIR", "tmp", "pdf",
            "html", "urn", "x", "a", "b", "xl", "workbook", "worksheets", "Opening", "and", "ending", "tag", "mismatch",
            "Data", "line", "Cell", "Unicode",
        ]
        #expect(words.allSatisfy(allowed.contains), "\(chinese)")
    }

    @Test func anImportErrorPutsTheSheetBeforeTheReadersWords() {
        let error = ImportError(file: "名单.xlsx", problem: .unreadable(ReadError(.noWorksheet)), sheet: "汇总")
        #expect(error.message(in: .chinese) == "工作表“汇总”：工作簿中没有工作表；请确认文件是否正确")
        #expect(
            error.message(in: .english)
                == "sheet “汇总”: the workbook has no worksheet; check that this is the right file")
        #expect(
            error.description == "名单.xlsx: sheet “汇总”: the workbook has no worksheet; check that this is the right file"
        )
    }

    @Test func anImportTheDatabaseStoppedIsWordedInTheReadersLanguage() {
        let busy = StoreError(message: "busy", hint: "wait", code: .busy, path: "county.sqlite")
        let error = ImportError(file: "名单.csv", problem: .store(busy))
        #expect(error.code == "database")
        #expect(error.message(in: .chinese).hasPrefix("数据库 county.sqlite 正忙"))
        #expect(error.message(in: .english).hasPrefix("the database county.sqlite is busy"))
        let unexpected = ImportError(file: "名单.csv", problem: .unexpected("CancellationError()"))
        #expect(unexpected.message(in: .chinese) == "无法导入此文件（CancellationError()）；请重新导入，如仍出错请报告")
    }
}
