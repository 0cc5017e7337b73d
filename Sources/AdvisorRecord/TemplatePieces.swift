/// swift-mustache's parser measures the rest of the template at every tag (a `String.distance` over
/// characters), so parsing takes time in the square of the template's length: for the built-in
/// record's 5 KB, more than rendering it. Pieces of a few lines parse in a fraction of that and
/// render to the same text, because each starts where a template does: at the start of a line,
/// outside every section, inverted section, block and parent, with the default delimiters. Nothing is
/// split after a tag that sets delimiters.
enum TemplatePieces {
    static func split(_ template: String, pieceBytes: Int = 128) -> [Substring] {
        let bytes = Array(template.utf8)
        var tokens = MustacheTokens(template)
        var starts = [0]
        var depth = 0
        var splittable = true
        var tokenStart = 0
        while splittable, let token = tokens.next() {
            defer { tokenStart = tokens.index }
            switch token {
            case .tag(.section, _, _), .tag(.inverted, _, _), .tag(.block, _, _): depth += 1
            case .tag(.close, _, _): depth -= 1
            case .tag(.delimiters, _, _): splittable = false
            case .tag: break
            case .text:
                // Split after the text's last newline once the piece is long enough.
                guard depth == 0, tokens.index - starts[starts.count - 1] >= pieceBytes,
                      let newline = bytes[tokenStart..<tokens.index].lastIndex(of: 0x0A),
                      newline + 1 > starts[starts.count - 1], newline + 1 < bytes.count else { continue }
                starts.append(newline + 1)
            }
        }
        let utf8 = template.utf8
        let ends = starts.dropFirst() + [bytes.count]
        return zip(starts, ends).map { start, end in
            template[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        }
    }
}
