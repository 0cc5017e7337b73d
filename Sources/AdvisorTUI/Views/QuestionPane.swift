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

    init(state: WizardState, charset: Charset, width: Int) {
        self.state = state
        self.glyphs = Glyphs(charset)
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

    private mutating func build() {
        let step = state.currentStep
        var intro = Paragraph(step.intro, style: .dim).lines(width: width)
        if intro.count > 3 {
            intro = Array(intro.prefix(3))
            intro[2] = Paragraph.withEllipsis(intro[2], width: width)
        }
        lines += intro.map { Line(spans: $0) }
        let questions = step.questions.compactMap { state.questionnaire.question($0) }
        // Room to breathe between questions when the step is short enough.
        let compactHeight = lines.count + 1 + questions.count + openLines(questions)
        let spaced = compactHeight + questions.count <= state.height - 4
        lines.append(Line(spans: []))
        for (index, question) in questions.enumerated() {
            if spaced, index > 0 { lines.append(Line(spans: [], question: index)) }
            if index == state.question {
                let start = lines.count
                openQuestion(question, index: index)
                focusRange = start..<lines.count
            } else {
                closedQuestion(question, index: index)
            }
        }
    }

    /// Extra lines the focused question takes beyond one.
    private func openLines(_ questions: [Question]) -> Int {
        guard questions.indices.contains(state.question) else { return 0 }
        let question = questions[state.question]
        let text = Paragraph(question.text).lines(width: width - 2).count
        let body = question.kind == .choice ? question.options.count : question.kind == .boolean ? 2 : 2
        let status = state.answers.defaulted.contains(question.id) ? 1 : 0
        return text + body + status + (state.fieldError == nil ? 0 : 2) - 1
    }

    private mutating func closedQuestion(_ question: Question, index: Int) {
        let given = !state.answers.defaulted.contains(question.id)
        let unanswered = state.isUnanswered(question)
        let shown = AnswerDisplay.text(state.answers.values[question.id], for: question)
        let value = unanswered ? "unanswered" : given ? shown : shown + " (default)"
        let valueWidth = min(DisplayWidth.of(value), max(8, width / 2))
        let labelWidth = max(1, width - valueWidth - 3)
        let label = DisplayWidth.truncate(question.text, to: labelWidth)
        let gap = max(1, width - 2 - DisplayWidth.of(label) - valueWidth)
        lines.append(Line(spans: [Span("  " + label), Span(String(repeating: " ", count: gap)),
                                  Span(DisplayWidth.truncate(value, to: valueWidth), style: unanswered ? .warning : given ? .accent : .normal)],
                          question: index))
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
            lines.append(Line(spans: [Span("    " + range.prefix(1).uppercased() + range.dropFirst()
                                           + "; \(glyphs.arrows) by \(Format.plain(question.step ?? 1))", style: .dim)],
                              question: index))
        case .text, .list:
            fieldLine(question, index: index, boxWidth: width - 6, after: "")
            let editing = state.field?.isTextEntry == true
            let hint = editing ? (question.kind == .list ? "Separate names with commas; Enter when done" : "Enter when done")
                : "Enter to edit" + (question.kind == .list ? " (names separated by commas)" : "")
            lines.append(Line(spans: [Span("    " + hint, style: .dim)], question: index))
        }
        if state.isUnanswered(question), state.field == nil {
            lines.append(Line(spans: [Span("    Required: not answered yet", style: .warning)], question: index))
        } else if !question.required, state.answers.defaulted.contains(question.id), state.field == nil {
            lines.append(Line(spans: [Span("    The default; keep it or change it", style: .hint)], question: index))
        }
        if let error = state.fieldError {
            for (row, spans) in Paragraph(error, style: .bad).lines(width: width - 6).enumerated() {
                lines.append(Line(spans: [Span(row == 0 ? "    \(glyphs.cross) " : "      ", style: .bad)] + spans, question: index))
            }
        }
    }

    private mutating func optionLine(index: Int, option: Int, label: String, help: String?, selected: Bool) {
        let isCursor = option == state.optionCursor
        var spans = [Span("  \(option + 1) ", style: .dim), Span((selected ? glyphs.radioOn : glyphs.radioOff) + " "),
                     Span(label, style: selected ? Style.accent : .normal)]
        if let help, !help.isEmpty { spans.append(Span("  " + help, style: .dim)) }
        lines.append(Line(spans: spans, question: index, option: option, highlight: isCursor ? .selection : nil))
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
