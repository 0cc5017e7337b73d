/// A plain-text table with aligned columns, for the headless text report.
struct TextTable {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    func render(indent: String = "  ") -> [String] {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(Self.width).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.indices.map { column -> String in
                let gap = String(repeating: " ", count: widths[column] - Self.width(cells[column]))
                return alignments[column] == .right ? gap + cells[column] : cells[column] + gap
            }
            return indent + padded.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return [line(headers)] + rows.map(line)
    }

    /// Columns a string takes: report text is Latin script, dashes and symbols, one column each.
    static func width(_ text: String) -> Int { text.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }.count }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
