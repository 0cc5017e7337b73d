/// Styled text wrapped at word boundaries by display width. Words longer than a line are broken;
/// text cut off at the bottom (by `maxLines` or the area) ends with "…".
public struct Paragraph: Sendable {
    public var spans: [Span]
    public var alignment: Alignment
    public var maxLines: Int?
    /// Wrapped lines skipped at the top.
    public var scroll: Int

    public init(spans: [Span], alignment: Alignment = .left, maxLines: Int? = nil, scroll: Int = 0) {
        self.spans = spans
        self.alignment = alignment
        self.maxLines = maxLines
        self.scroll = scroll
    }

    public init(_ text: String, style: Style = .normal, alignment: Alignment = .left,
                maxLines: Int? = nil, scroll: Int = 0) {
        self.init(spans: [Span(text, style: style)], alignment: alignment, maxLines: maxLines, scroll: scroll)
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        let all = lines(width: area.width)
        var visible = Array(all.dropFirst(max(0, scroll)))
        let limit = min(maxLines ?? Int.max, area.height)
        if visible.count > limit {
            visible = Array(visible.prefix(limit))
            if let last = visible.indices.last {
                visible[last] = Self.withEllipsis(visible[last], width: area.width)
            }
        }
        for (row, line) in visible.enumerated() {
            let used = line.reduce(0) { $0 + $1.width }
            let offset = alignment.offset(used: used, available: area.width)
            grid.put(spans: line, x: area.x + offset, y: area.y + row, maxWidth: area.width - offset)
        }
    }

    /// Number of wrapped lines at this width (for scroll limits).
    public func lineCount(width: Int) -> Int { lines(width: width).count }

    /// The wrapped lines at this width, each as spans.
    public func lines(width: Int) -> [[Span]] {
        guard width > 0 else { return [] }
        return logicalLines().flatMap { Self.wrap($0, width: width) }.map(Self.spans(of:))
    }

    typealias StyledCharacter = (character: Character, style: Style)

    /// Splits at hard line breaks and sanitises, keeping each character's style.
    private func logicalLines() -> [[StyledCharacter]] {
        var result: [[StyledCharacter]] = [[]]
        for span in spans {
            for character in span.text {
                if character.isNewline {  // \n, \r\n, \r, U+2028...: hard breaks, not controls
                    result.append([])
                    continue
                }
                for clean in sanitized(String(character)) where DisplayWidth.of(clean) > 0 {
                    result[result.count - 1].append((clean, span.style))
                }
            }
        }
        return result
    }

    /// Greedy word wrap. Spaces at a wrap point are dropped; leading spaces of a paragraph kept.
    static func wrap(_ text: [StyledCharacter], width: Int) -> [[StyledCharacter]] {
        var lines: [[StyledCharacter]] = []
        var current: [StyledCharacter] = []
        var currentWidth = 0
        var pending: [StyledCharacter] = []
        for (isSpace, token) in tokens(text) {
            if isSpace {
                if current.isEmpty && lines.isEmpty { current = token; currentWidth = token.count } else { pending = token }
                continue
            }
            let tokenWidth = token.reduce(0) { $0 + DisplayWidth.of($1.character) }
            if currentWidth + pending.count + tokenWidth <= width {
                current += pending + token
                currentWidth += pending.count + tokenWidth
            } else {
                if !current.isEmpty { lines.append(current) }
                current = []
                currentWidth = 0
                for piece in breakWord(token, width: width) {
                    if !current.isEmpty { lines.append(current) }
                    current = piece
                    currentWidth = piece.reduce(0) { $0 + DisplayWidth.of($1.character) }
                }
            }
            pending = []
        }
        lines.append(current)
        return lines
    }

    private static func tokens(_ text: [StyledCharacter]) -> [(Bool, [StyledCharacter])] {
        var result: [(Bool, [StyledCharacter])] = []
        for item in text {
            let isSpace = item.character == " "
            if let last = result.last, last.0 == isSpace {
                result[result.count - 1].1.append(item)
            } else {
                result.append((isSpace, [item]))
            }
        }
        return result
    }

    private static func breakWord(_ word: [StyledCharacter], width: Int) -> [[StyledCharacter]] {
        var pieces: [[StyledCharacter]] = [[]]
        var used = 0
        for item in word {
            let w = DisplayWidth.of(item.character)
            if used + w > width && !pieces[pieces.count - 1].isEmpty {
                pieces.append([])
                used = 0
            }
            pieces[pieces.count - 1].append(item)
            used += w
        }
        return pieces
    }

    static func spans(of line: [StyledCharacter]) -> [Span] {
        var result: [Span] = []
        for item in line {
            if let last = result.last, last.style == item.style {
                result[result.count - 1].text.append(item.character)
            } else {
                result.append(Span(String(item.character), style: item.style))
            }
        }
        return result
    }

    /// The line as it is when it fits in `width`, else cut with "…".
    static func fitted(_ line: [Span], width: Int) -> [Span] {
        line.reduce(0) { $0 + $1.width } <= width ? line : withEllipsis(line, width: width)
    }

    /// The line cut to leave room for "…", which takes the style of the text it ends.
    static func withEllipsis(_ line: [Span], width: Int) -> [Span] {
        var result: [Span] = []
        var used = 0
        let room = max(0, width - 1)
        for span in line where used < room {
            let cut = DisplayWidth.truncate(span.text, to: room - used, ellipsis: "")
            used += DisplayWidth.of(cut)
            if !cut.isEmpty { result.append(Span(cut, style: span.style)) }
        }
        while let last = result.last, last.text.hasSuffix(" ") {
            result[result.count - 1].text.removeLast()
            if result[result.count - 1].text.isEmpty { result.removeLast() }
        }
        result.append(Span("…", style: result.last?.style ?? line.first?.style ?? .normal))
        return result
    }
}
