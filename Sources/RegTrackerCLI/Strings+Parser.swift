import Foundation
import RegTrackerRender

extension Strings {
    /// argument-parser's usage errors in Chinese (SPEC 7: every message in the CLI's language). The library words
    /// them in English only; its lines are recognised by their fixed phrases and the rest (option names, usage,
    /// our own validation texts, already in the CLI's language) is kept as it is.
    static func parserMessage(_ text: String, in language: Language) -> String {
        guard language == .chinese else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { chineseParserLine(String($0)) }
            .joined(separator: "\n")
    }

    private static func chineseParserLine(_ line: String) -> String {
        if let error = line.dropPrefix("Error: ") { return "错误：" + chineseParserError(error) }
        if let help = line.dropPrefix("Help:  ") { return "说明：" + help }
        if let usage = line.dropPrefix("Usage: ") { return "用法：" + usage }
        if let see = line.dropPrefix("  See '"), let command = see.dropSuffix("' for more information.") {
            return "  详见 \(command)。"
        }
        return line
    }

    private static func chineseParserError(_ error: String) -> String {
        if let name = error.dropPrefix("Missing expected argument '")?.dropSuffix("'") { return "缺少参数 \(name)" }
        if let name = error.dropPrefix("Missing value for '")?.dropSuffix("'") { return "选项 \(name) 缺少取值" }
        if let rest = error.dropPrefix("The value '"), let quote = rest.range(of: "' is invalid for '") {
            let value = rest[..<quote.lowerBound]
            let option = rest[quote.upperBound...].prefix { $0 != "'" }
            return "“\(value)”不是 \(option) 的有效取值"
        }
        if let rest = error.dropPrefix("Unknown option '") {
            let option = rest.prefix { $0 != "'" }
            if let suggestion = rest.range(of: "Did you mean '").map({ rest[$0.upperBound...].prefix { $0 != "'" } }) {
                return "未知选项 \(option)；是否应为 \(suggestion)？"
            }
            return "未知选项 \(option)"
        }
        if error.contains("nexpected argument") {
            // "Unexpected argument 'x'" or "2 unexpected arguments: 'x', 'y'", perhaps with "Did you mean 'z'?".
            let parts = error.split(separator: "'", omittingEmptySubsequences: false)
            var quoted = stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }
            if error.contains("Did you mean '"), let command = quoted.popLast(), let argument = quoted.first {
                return "未知命令 \(argument)；是否应为 \(command)？"
            }
            return "多余的参数 " + quoted.joined(separator: "、")
        }
        return error
    }
}

extension String {
    fileprivate func dropPrefix(_ prefix: String) -> String? { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil }
    fileprivate func dropSuffix(_ suffix: String) -> String? { hasSuffix(suffix) ? String(dropLast(suffix.count)) : nil }
}
