/// A scrollable page of styled lines laid out for one width: the results tabs, the help box.
/// Built from paragraphs (wrapped by display width, with hanging indents for lists) and lines.
struct Document {
    let width: Int
    private(set) var lines: [[Span]] = []
    /// The lines that stand for something a key can open (a question, a stack), in page order.
    private(set) var links: [(link: ResultLink, lines: Range<Int>)] = []

    init(width: Int) { self.width = max(1, width) }

    /// One line as it is, cut at the width when drawn.
    mutating func line(_ spans: [Span], link: ResultLink? = nil) {
        let start = lines.count
        lines.append(spans)
        if let link { links.append((link, start..<lines.count)) }
    }

    mutating func line(_ text: String, style: Style = .normal) { lines.append([Span(text, style: style)]) }

    mutating func blank() { lines.append([]) }

    /// Wrapped text. `indent` goes before every line; `first` (e.g. "- ") before the first line
    /// only, with later lines indented to match it.
    mutating func paragraph(_ spans: [Span], indent: Int = 0, first: Span? = nil, link: ResultLink? = nil) {
        let start = lines.count
        defer { if let link { links.append((link, start..<lines.count)) } }
        let lead = first.map { DisplayWidth.of($0.text) } ?? 0
        let room = max(1, width - indent - lead)
        let wrapped = Paragraph(spans: spans).lines(width: room)
        for (index, spansOfLine) in wrapped.enumerated() {
            var out: [Span] = []
            if indent > 0 { out.append(Span(String(repeating: " ", count: indent))) }
            if let first {
                out.append(index == 0 ? first : Span(String(repeating: " ", count: lead)))
            }
            lines.append(out + spansOfLine)
        }
    }

    mutating func paragraph(_ text: String, style: Style = .normal, indent: Int = 0, bullet: String? = nil, link: ResultLink? = nil) {
        paragraph([Span(text, style: style)], indent: indent, first: bullet.map { Span($0, style: style) }, link: link)
    }

    /// The link a line belongs to, as an index into `links`.
    func link(atLine line: Int) -> Int? { links.firstIndex { $0.lines.contains(line) } }

    /// Links whose every line shows when the page is scrolled to `scroll` in `height` rows.
    func visibleLinks(scroll: Int, height: Int) -> [Int] {
        links.indices.filter { links[$0].lines.lowerBound >= scroll && links[$0].lines.upperBound <= scroll + height }
    }

    /// A heading line, with a blank line before it unless the page is empty.
    mutating func heading(_ text: String) {
        if !lines.isEmpty { blank() }
        paragraph(text, style: Style.title)
    }

    /// Lines that start a section: a heading's title style, or a Markdown "#" line.
    var headings: [(line: Int, text: String)] {
        lines.indices.compactMap { index in
            guard let first = lines[index].first(where: { !$0.text.allSatisfy { $0 == " " } }),
                  first.style == Style.title else { return nil }
            let text = lines[index].map(\.text).joined().trimmingSpaces
            // A title wrapped onto two lines is one heading.
            if index > 0, lines[index - 1].first?.style == Style.title, !lines[index - 1].isEmpty { return nil }
            return text.isEmpty ? nil : (index, text)
        }
    }

    /// Lines whose text contains `query`, ignoring case.
    func matches(_ query: String) -> [Int] {
        let needle = query.lowercased()
        guard !needle.isEmpty else { return [] }
        return lines.indices.filter { lines[$0].map(\.text).joined().lowercased().contains(needle) }
    }

    /// Draws the lines from `scroll` on into `area`. A line wider than the area ends in "…";
    /// with `markOverflow`, so does the last row when more lines follow below it.
    func render(into grid: inout CellGrid, area: Rect, scroll: Int, markOverflow: Bool = false) {
        let first = max(0, min(scroll, lines.count))
        let shown = Array(lines[first...].prefix(area.height))
        for (row, spans) in shown.enumerated() {
            var line = Paragraph.fitted(spans, width: area.width)
            if markOverflow, row == shown.count - 1, first + shown.count < lines.count {
                line = Paragraph.withEllipsis(line + [Span(" ", style: line.last?.style ?? .normal)], width: area.width)
            }
            grid.put(spans: line, x: area.x, y: area.y + row, maxWidth: area.width)
        }
    }
}

extension Span {
    /// " [0, 13]" after a sentence, dim, or nothing when there are no sources.
    static func sources(_ ids: [Int]) -> [Span] {
        guard !ids.isEmpty else { return [] }
        return [Span(" [" + Array(Set(ids)).sorted().map(String.init).joined(separator: ", ") + "]", style: .dim)]
    }
}
