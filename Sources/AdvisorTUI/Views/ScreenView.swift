/// The whole frame: the page for the current screen, then any overlay on top. Below 80x24 only
/// a message, until the terminal is large enough again.
struct ScreenView {
    let state: WizardState
    let charset: Charset

    func render(into grid: inout CellGrid) {
        if grid.width < Wizard.minimumWidth || grid.height < Wizard.minimumHeight {
            return TooSmallView(width: grid.width, height: grid.height).render(into: &grid)
        }
        switch state.screen {
        case .welcome: WelcomeView(state: state, charset: charset).render(into: &grid)
        case .step: StepView(state: state, charset: charset).render(into: &grid)
        case .results: ResultsView(state: state, charset: charset).render(into: &grid)
        case .sideBySide: SideBySideView(state: state, charset: charset).render(into: &grid)
        case .comparison: ComparisonView(state: state, charset: charset).render(into: &grid)
        }
        if state.overlay != nil { OverlayView(state: state, charset: charset).render(into: &grid) }
    }
}

struct TooSmallView {
    let width: Int
    let height: Int

    var message: String {
        "terminal too small: needs \(Wizard.minimumWidth)x\(Wizard.minimumHeight), has \(width)x\(height)"
    }

    func render(into grid: inout CellGrid) {
        let rows = grid.area.splitRows([.fill(), .fixed(3), .fill()])
        Paragraph(spans: [Span(message, style: .warning), Span("\nenlarge the window, or q to quit", style: .hint)],
                  alignment: .center).render(into: &grid, area: rows[1])
    }
}

/// The top row and the bottom row every page shares.
enum Chrome {
    /// Header: "runtime-advisor · <page>" on the left, `right` (progress, recommendation) on the right.
    static func header(_ title: String, state: WizardState, into grid: inout CellGrid,
                       right: (inout CellGrid, Rect) -> Void) {
        let row = Rect(x: 0, y: 0, width: grid.width, height: 1)
        let parts = row.splitColumns([.fill(), .fixed(min(48, grid.width * 2 / 5))])
        var x = grid.put(" runtime-advisor", x: 0, y: 0, style: Style.title)
        x += grid.put("  " + title, x: x, y: 0, style: .normal, maxWidth: parts[0].width - x)
        if let review = state.context.reviewFile {
            // The file under review, by its name: the full path is on the welcome screen.
            let name = String(review.split(separator: "/").last ?? Substring(review))
            let room = parts[0].width - x - 3
            if room >= 8 { grid.put("  " + DisplayWidth.truncate(name, to: room), x: x, y: 0, style: .normal, maxWidth: room + 2) }
        }
        right(&grid, parts[1].inset(right: 1))
    }

    /// Footer: the status message when there is one, else the key hints that fit.
    static func footer(_ hints: [KeyHints.Hint], state: WizardState, charset: Charset, into grid: inout CellGrid) {
        let row = Rect(x: 1, y: grid.height - 1, width: grid.width - 2, height: 1)
        if let status = state.status {
            let style: Style = status.isError ? .bad : .good
            let glyphs = Glyphs(charset)
            // Too long: fewer words, then the middle gives way, so the file name always shows.
            let mark = (status.isError ? glyphs.cross : glyphs.check) + " "
            let full = mark + status.text
            let text = DisplayWidth.of(full) <= row.width || status.shorter == nil ? DisplayWidth.truncateMiddle(full, to: row.width, ellipsis: glyphs.ellipsis)
                : DisplayWidth.truncateMiddle(mark + status.shorter!, to: row.width, ellipsis: glyphs.ellipsis)
            grid.put(text, x: row.x, y: row.y, style: style, maxWidth: row.width)
            return
        }
        KeyHints(hints).render(into: &grid, area: row)
    }
}
