/// The few symbols the wizard draws, in Unicode or in ASCII for terminals that cannot show it
/// (the same choice the widgets make for borders and bars).
struct Glyphs {
    let check: String
    let cross: String
    let pointer: String
    let radioOn: String
    let radioOff: String
    let bullet: String
    let arrows: String
    let rule: Character
    /// Ends text that had to be cut.
    let ellipsis: String

    init(_ charset: Charset) {
        if charset == .unicode {
            (check, cross, pointer, radioOn, radioOff, bullet, arrows, rule) = ("✓", "✗", "▸", "(•)", "( )", "•", "←→", "─")
            ellipsis = "…"
        } else {
            (check, cross, pointer, radioOn, radioOff, bullet, arrows, rule) = ("+", "x", ">", "(*)", "( )", "*", "<>", "-")
            ellipsis = "..."
        }
    }
}
