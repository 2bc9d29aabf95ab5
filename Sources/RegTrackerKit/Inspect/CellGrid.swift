import RegTrackerCore
import RegTrackerIO
import RegTrackerRender

/// A sheet's cells exactly as the reader yields them, before any header logic (`inspect --json --cells`).
public struct CellGrid: Sendable {
    public var description: TableDescription
    /// Every row the reader yielded that has a non-empty cell, in file order.
    public var rows: [SourceRow]

    /// Reads every row of the file (the chosen sheet of a workbook). Errors are the ones import gives.
    public static func read(path: String, options: ReadOptions) throws(ImportError) -> CellGrid {
        let file = FileName.base(path)
        do {
            var reader = try TableOpener.open(path: path, options: options)
            var rows: [SourceRow] = []
            while let row = try reader.nextRow() {
                if row.cells.contains(where: { !Self.isEmpty($0) }) { rows.append(row) }
            }
            return CellGrid(description: reader.description, rows: rows)
        } catch {
            throw ImportError(file: file, error)
        }
    }

    /// A cell the grid leaves out: empty, or text of no characters (a quoted `""` in CSV).
    static func isEmpty(_ cell: Cell) -> Bool {
        switch cell {
        case .empty: true
        case .text(let text): text.isEmpty
        default: false
        }
    }

    /// `{"format", "sheets", "sheet", "rows": [{"r", "cells": [{"c", "t", "v"}]}]}`, r and c from 1.
    public var json: JSONValue {
        let rows = rows.map { row -> JSONValue in
            let cells = Self.entries(row).map { entry -> JSONValue in
                .object([("c", .int(Int64(entry.column + 1))), ("t", .string(entry.type)), ("v", .string(entry.value))])
            }
            return .object([("r", .int(Int64(row.number))), ("cells", .array(cells))])
        }
        return .object([
            ("format", .string(description.format.rawValue)),
            ("sheets", .array(description.sheets.map(JSONValue.string))),
            ("sheet", description.sheet.map(JSONValue.string) ?? .null),
            ("rows", .array(rows)),
        ])
    }

    /// The row's non-empty cells: column from 0, type letter and value text.
    public static func entries(_ row: SourceRow) -> [(column: Int, type: String, value: String)] {
        row.cells.enumerated().compactMap { index, cell in
            isEmpty(cell) ? nil : (index, type(cell), cell.displayText)
        }
    }

    /// `s` text, `n` number, `b` Boolean, `d` date or date-time, `e` error.
    static func type(_ cell: Cell) -> String {
        switch cell {
        case .empty, .text: "s"
        case .number: "n"
        case .bool: "b"
        case .date: "d"
        case .error: "e"
        }
    }
}
