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

    /// Columns a string takes: report text is Latin script, dashes and symbols, one column each, and
    /// combining marks none. ASCII is counted by its bytes; no mark is below U+0300, so only scalars
    /// from there up are looked up.
    static func width(_ text: some StringProtocol) -> Int {
        var columns = 0
        for byte in text.utf8 where byte < 0x80 || byte >= 0xC0 { columns += 1 }  // ASCII and lead bytes: one per scalar
        guard text.utf8.contains(where: { $0 >= 0xCC }) else { return columns }  // every scalar below U+0300
        for scalar in text.unicodeScalars where scalar.value >= 0x300 && scalar.properties.generalCategory == .nonspacingMark {
            columns -= 1
        }
        return columns
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
