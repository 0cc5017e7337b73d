import AdvisorCore

/// The questions of one step as lines: the step's intro, then each question, the focused one
/// open (its full text, options or input field, and any error), the others on one line each
/// with their answer. Every line knows its question and option, so clicks can find them.
struct QuestionPane {
    struct Line {
        var spans: [Span]
        var question: Int?
        var option: Int?
        /// Drawn across the whole width in this style (the option under the cursor).
        var highlight: Style?
    }

    let state: WizardState
    let glyphs: Glyphs
    let width: Int
    private(set) var lines: [Line] = []
    /// Lines of the focused question, kept in view when scrolling.
    private(set) var focusRange: Range<Int> = 0..<0

    /// Text as the terminal will show it: under an ASCII locale "…" is "...", so a line is measured as
    /// drawn and a value is never pushed past the edge by a stand-in wider than its symbol.
    let shown: (String) -> String

    init(state: WizardState, charset: Charset, width: Int) {
        self.state = state
        self.glyphs = Glyphs(charset)
        self.shown = charset == .unicode ? { $0 } : { ASCIIFold.fold($0) }
        self.width = max(1, width)
        build()
    }

    func scrollOffset(height: Int) -> Int {
        guard lines.count > height, height > 0 else { return 0 }
        var offset = max(0, focusRange.upperBound - height)
        if focusRange.lowerBound < offset { offset = focusRange.lowerBound }
        return min(offset, lines.count - height)
    }

    func render(into grid: inout CellGrid, area: Rect, scroll: Int) {
        for (row, line) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
            let y = area.y + row
            if let highlight = line.highlight {
                grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: highlight)
            }
            var spans = line.highlight.map { style in line.spans.map { Span($0.text, style: style) } } ?? line.spans
            if spans.reduce(0, { $0 + $1.width }) > area.width { spans = Paragraph.withEllipsis(spans, width: area.width) }
            grid.put(spans: spans, x: area.x, y: y, maxWidth: area.width)
        }
    }

    /// Widest the question form is laid out, so a label and its answer stay close on wide terminals.
    static let maximumFormWidth = 72

    private mutating func build() {
        // First try with room: closed questions wrap their labels and have a blank line between
        // them. When that does not fit the pane, one line each, labels shortened at a word with "…".
        for roomy in [true, false] {
            lines = []
            build(roomy: roomy)
            if lines.count <= state.height - 4 { return }
        }
    }

    private mutating func build(roomy: Bool) {
        let step = state.currentStep
        // The intro takes the rows it needs; the pane scrolls when the step is long.
        lines += Paragraph(step.intro).lines(width: width).map { Line(spans: $0) }
        let questions = step.questions.compactMap { state.questionnaire.question($0) }
        lines.append(Line(spans: []))
        for (index, question) in questions.enumerated() {
            if roomy, index > 0 { lines.append(Line(spans: [], question: index)) }
            if index == state.question {
                let start = lines.count
                openQuestion(question, index: index)
                focusRange = start..<lines.count
            } else {
                closedQuestion(question, index: index, wrap: roomy)
            }
        }
    }

    private mutating func closedQuestion(_ question: Question, index: Int, wrap: Bool) {
        let given = !state.answers.defaulted.contains(question.id)
        let unanswered = state.isUnanswered(question)
        let answer = self.shown(AnswerDisplay.text(state.answers.values[question.id], for: question))
        let formWidth = min(width, Self.maximumFormWidth)
        let value = DisplayWidth.truncate(unanswered ? "unanswered" : given ? answer : answer + " (default)",
                                          to: max(8, formWidth / 2), ellipsis: glyphs.ellipsis)
        let valueSpan = Span(value, style: unanswered ? .warning : given ? .accent : .normal)
        let valueWidth = DisplayWidth.of(value)
        // Wrapped: the whole label, the answer after its last line (or on a line of its own).
        // Not wrapped: one line, the label shortened at a word.
        let text = self.shown(question.text)
        var labels = wrap ? Paragraph(text).lines(width: max(1, formWidth - 2)).map { $0.map(\.text).joined() }
            : [DisplayWidth.truncateAtWord(text, to: max(1, formWidth - 4 - valueWidth), ellipsis: glyphs.ellipsis)]
        if labels.isEmpty { labels = [""] }
        if DisplayWidth.of(labels[labels.count - 1]) + 2 + valueWidth > formWidth - 2 { labels.append("") }
        for (row, label) in labels.enumerated() {
            var spans = [Span("  " + label)]
            if row == labels.count - 1 {
                let gap = max(2, formWidth - 2 - DisplayWidth.of(label) - valueWidth)
                spans += [Span(String(repeating: " ", count: gap)), valueSpan]
            }
            lines.append(Line(spans: spans, question: index))
        }
    }

    private mutating func openQuestion(_ question: Question, index: Int) {
        let text = Paragraph(question.text, style: Style.title).lines(width: width - 2)
        for (row, spans) in text.enumerated() {
            lines.append(Line(spans: [Span(row == 0 ? glyphs.pointer + " " : "  ", style: .accent)] + spans, question: index))
        }
        switch question.kind {
        case .choice:
            let selected = state.isUnanswered(question) ? nil : state.answers.choice(question.id)
            for (option, choice) in question.options.enumerated() {
                optionLine(index: index, option: option, label: choice.label, help: choice.help,
                           selected: choice.value == selected)
            }
        case .boolean:
            let flag: Bool? = state.isUnanswered(question) ? nil : state.answers.flag(question.id)
            optionLine(index: index, option: 0, label: "Yes", help: nil, selected: flag == true)
            optionLine(index: index, option: 1, label: "No", help: nil, selected: flag == false)
        case .integer, .number:
            fieldLine(question, index: index, boxWidth: 12, after: question.unit.map { " " + $0 } ?? "")
            let range = FieldValidation.range(question)
            let rangeText = range.prefix(1).uppercased() + range.dropFirst()
            let stepText = "\(glyphs.arrows) by \(Format.plain(question.step ?? 1))"
            // On one line when it fits; else the step on a line of its own, never "by" and its number apart.
            let joined = rangeText + "; " + stepText
            hint(DisplayWidth.of(joined) <= width - 4 ? joined : rangeText + "\n" + stepText, index: index)
        case .text, .list:
            fieldLine(question, index: index, boxWidth: width - 6, after: "")
            let editing = state.field?.isTextEntry == true
            let hint = editing ? (question.kind == .list ? "Separate names with commas; Enter when done" : "Enter when done")
                : "Enter to edit" + (question.kind == .list ? " (names separated by commas)" : "")
            self.hint(hint, index: index)
        }
        if state.isUnanswered(question), state.field == nil {
            lines.append(Line(spans: [Span("    Required: not answered yet", style: .warning)], question: index))
        } else if !question.required, state.answers.defaulted.contains(question.id), state.field == nil {
            lines.append(Line(spans: [Span("    The default; keep it or change it", style: .dim)], question: index))
        }
        if let error = state.fieldError {
            for (row, spans) in Paragraph(error, style: .bad).lines(width: width - 6).enumerated() {
                lines.append(Line(spans: [Span(row == 0 ? "    \(glyphs.cross) " : "      ", style: .bad)] + spans, question: index))
            }
        }
        if let note = state.field?.buffer.note {
            for spans in Paragraph(note, style: .warning).lines(width: max(1, width - 4)) {
                lines.append(Line(spans: [Span("    ")] + spans, question: index))
            }
        }
    }

    /// Text under a field (its range, how to edit it), wrapped under the field.
    private mutating func hint(_ text: String, index: Int) {
        for spans in Paragraph(text).lines(width: max(1, width - 4)) {
            lines.append(Line(spans: [Span("    ")] + spans, question: index))
        }
    }

    /// "  1 (•) AWS  Committed to Amazon Web Services"; a description that does not fit beside its
    /// label wraps under it.
    private mutating func optionLine(index: Int, option: Int, label: String, help: String?, selected: Bool) {
        let isCursor = option == state.optionCursor
        let highlight: Style? = isCursor ? .selection : nil
        let lead = [Span("  \(option + 1) "), Span((selected ? glyphs.radioOn : glyphs.radioOff) + " "),
                    Span(label, style: selected ? Style.accent : .normal)]
        let leadWidth = lead.reduce(0) { $0 + $1.width }
        guard let help, !help.isEmpty else {
            return lines.append(Line(spans: lead, question: index, option: option, highlight: highlight))
        }
        if leadWidth + 2 + DisplayWidth.of(help) <= width {
            return lines.append(Line(spans: lead + [Span("  " + help)], question: index, option: option, highlight: highlight))
        }
        lines.append(Line(spans: lead, question: index, option: option, highlight: highlight))
        let indent = 8
        for spans in Paragraph(help).lines(width: max(1, width - indent)) {
            lines.append(Line(spans: [Span(String(repeating: " ", count: indent))] + spans, question: index, option: option,
                              highlight: highlight))
        }
    }

    /// `[ 40▏        ] agents`: the typed text (or the answer) in a box, the cursor shown while typing.
    private mutating func fieldLine(_ question: Question, index: Int, boxWidth: Int, after: String) {
        let inside = max(4, min(boxWidth, width - 8))
        var spans = [Span("    [", style: .dim)]
        if let edit = state.field {
            spans += FieldBox.spans(edit.buffer, width: inside, showCursor: true)
        } else {
            let text = state.isUnanswered(question) ? "" : FieldValidation.editableText(state.answers.values[question.id])
            let shown = DisplayWidth.truncate(text, to: inside)
            spans.append(Span(shown + String(repeating: " ", count: max(0, inside - DisplayWidth.of(shown))),
                              style: state.fieldError == nil ? Style.accent : .bad))
        }
        spans.append(Span("]", style: .dim))
        if !after.isEmpty { spans.append(Span(after, style: .dim)) }
        lines.append(Line(spans: spans, question: index))
    }
}

/// A text field drawn in a fixed number of columns, scrolled so the cursor stays visible.
enum FieldBox {
    static func spans(_ field: TextField, width: Int, showCursor: Bool) -> [Span] {
        let characters = Array(field.text)
        let room = max(1, width - 1)
        // Start so that the cursor fits, counting display columns.
        var start = 0
        while start < field.cursor, DisplayWidth.of(String(characters[start..<field.cursor])) > room { start += 1 }
        var before = "", used = 0
        for character in characters[start..<field.cursor] {
            before.append(character)
            used += DisplayWidth.of(character)
        }
        var spans = [Span(before, style: .accent)]
        let atCursor = field.cursor < characters.count ? String(characters[field.cursor]) : " "
        spans.append(Span(atCursor, style: showCursor ? .selection : .accent))
        used += DisplayWidth.of(atCursor)
        var after = ""
        if field.cursor + 1 < characters.count {
            for character in characters[(field.cursor + 1)...] {
                let w = DisplayWidth.of(character)
                if used + w > width { break }
                after.append(character)
                used += w
            }
        }
        spans.append(Span(after + String(repeating: " ", count: max(0, width - used)), style: .accent))
        return spans
    }
}

/// An answer as the wizard shows it: option labels, Yes/No, numbers with their unit.
enum AnswerDisplay {
    static func text(_ value: AnswerValue?, for question: Question) -> String {
        switch value {
        case .choice(let choice): return question.option(choice)?.label ?? choice
        case .flag(let flag): return flag ? "Yes" : "No"
        case .number(let number):
            let shown = number == number.rounded() ? Format.fixed(number, 0) : Format.plain(number)
            return shown + (question.unit.map { " " + $0 } ?? "")
        case .text(let text): return text.isEmpty ? "(none)" : text
        case .list(let items): return items.isEmpty ? "(none)" : items.joined(separator: ", ")
        case nil: return "(none)"
        }
    }
}
