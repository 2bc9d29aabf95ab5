import RegTrackerCore

/// A notice as Markdown and as one self-contained HTML page, from the same `NoticeDocument` as the Word file.
public enum NoticePages {
    public static func markdown(_ document: NoticeDocument) -> String {
        var lines = ["# \(document.title)", ""]
        for block in document.blocks {
            switch block {
            case .addressee(let text), .paragraph(let text): lines += [text, ""]
            case .heading(let text): lines += ["## \(text)", ""]
            case .subheading(let text): lines += ["### \(text)", ""]
            case .signature(let text): lines += ["<p align=\"right\">\(HTMLText.escape(text))</p>", ""]
            }
        }
        lines.append("---")
        lines.append("")
        lines.append("附件")
        lines.append("")
        var annex = TextFormats.markdown(document.annex)
        annex = annex.replacingOccurrences(of: "# \(document.annex.title)", with: "## \(document.annex.title)")
        return lines.joined(separator: "\n") + "\n" + annex
    }

    public static func html(_ document: NoticeDocument) -> String {
        var body = ["<main>", "<h1>\(HTMLText.escape(document.title))</h1>"]
        for block in document.blocks {
            switch block {
            case .addressee(let text): body.append("<p class=\"addressee\">\(HTMLText.escape(text))</p>")
            case .paragraph(let text): body.append("<p>\(HTMLText.escape(text))</p>")
            case .heading(let text): body.append("<h2>\(HTMLText.escape(text))</h2>")
            case .subheading(let text): body.append("<h3>\(HTMLText.escape(text))</h3>")
            case .signature(let text): body.append("<p class=\"signature\">\(HTMLText.escape(text))</p>")
            }
        }
        body.append("<section class=\"annex\">")
        body.append("<p class=\"addressee\">附件</p>")
        body.append("<h2 class=\"annex-title\">\(HTMLText.escape(document.annex.title))</h2>")
        body.append(HTMLPage.table(document.annex))
        if !document.annex.notes.isEmpty { body.append(HTMLPage.notes(document.annex.notes)) }
        body.append("</section>")
        body.append("</main>")
        return HTMLPage.document(title: document.title, style: style, body: body)
    }

    static let style = """
        @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
        \(HTMLPage.baseStyle)
        main { max-width: 820px; margin: 0 auto; padding: 16px; font-size: 1.05rem; }
        h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", "SimSun", serif; font-size: 1.6rem;
          font-weight: normal; text-align: center; margin: 1rem 0 1.5rem; line-height: 1.4; }
        p { margin: 0 0 .4rem; text-indent: 2em;
          font-family: "仿宋_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", serif; }
        p.addressee { text-indent: 0; }
        p.signature { text-align: right; text-indent: 0; }
        h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 1.1rem; font-weight: normal;
          margin: .8rem 0 .4rem; text-indent: 2em; }
        h2.annex-title { text-align: center; text-indent: 0; }
        h3 { font-family: "楷体_GB2312", "KaiTi", "STKaiti", serif; font-size: 1.05rem; font-weight: normal;
          margin: .6rem 0 .3rem; text-indent: 2em; }
        .annex { margin-top: 2rem; }
        .notes { color: #495057; font-size: .9rem; }
        \(HTMLPage.tableStyle)
        @media (max-width: 700px) {
          main { padding: 10px; }
          h1 { font-size: 1.25rem; }
        \(HTMLPage.phoneTableStyle)
          td.num { text-align: right; }
        }
        @media print {
          main { max-width: none; padding: 0; }
          .annex { break-before: page; }
          table { font-size: 8pt; }
          th, td { padding: 2px 3px; }
        }
        """
}
