/// One terminal cell. A two-column character sits in its left cell; the cell to its right is a
/// continuation, which backends skip and plain text omits.
public struct Cell: Hashable, Sendable {
    public internal(set) var character: Character
    public internal(set) var style: Style
    public internal(set) var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .normal) {
        self.character = character
        self.style = style
        self.isContinuation = false
    }

    static func continuation(_ style: Style) -> Cell {
        var cell = Cell(" ", style: style)
        cell.isContinuation = true
        return cell
    }

    public static let blank = Cell()

    /// Columns this cell's character covers (0 for a continuation).
    public var width: Int { isContinuation ? 0 : max(1, DisplayWidth.of(character)) }
}
