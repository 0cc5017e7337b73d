/// ASCII stand-ins for the symbols the advisor draws, for a terminal whose locale cannot show
/// anything else (LANG=C): "…" becomes "...", "Σ" "sum", "×" "x", so no symbol turns into "?".
public enum ASCIIFold {
    static let table: [Character: String] = [
        "…": "...", "Σ": "sum", "×": "x", "÷": "/", "−": "-", "–": "-", "—": "-", "‒": "-",
        "‘": "'", "’": "'", "‚": ",", "“": "\"", "”": "\"", "„": "\"", "«": "<<", "»": ">>",
        "≥": ">=", "≤": "<=", "≠": "!=", "≈": "~", "±": "+/-", "→": "->", "←": "<-", "↑": "^", "↓": "v",
        "↔": "<->", "⇒": "=>", "•": "*", "·": ".", "✓": "+", "✔": "+", "✗": "x", "✘": "x", "▸": ">", "▶": ">",
        "◂": "<", "┊": ":", "│": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
        "┬": "+", "┴": "+", "┼": "+", "█": "#", "▏": "|", "░": ".", "°": " deg", "€": "EUR", "£": "GBP",
        "¥": "JPY", "©": "(c)", "®": "(R)", "™": "(TM)", "§": "S", "¶": "P", "\u{00A0}": " ", "\u{FFFD}": "?",
        "é": "e", "è": "e", "ê": "e", "ë": "e", "á": "a", "à": "a", "â": "a", "ä": "a", "ã": "a", "å": "a",
        "í": "i", "ì": "i", "î": "i", "ï": "i", "ó": "o", "ò": "o", "ô": "o", "ö": "o", "õ": "o", "ø": "o",
        "ú": "u", "ù": "u", "û": "u", "ü": "u", "ñ": "n", "ç": "c", "ß": "ss", "É": "E", "Ö": "O", "Ü": "U",
        "Ä": "A", "µ": "u", "²": "2", "³": "3", "½": "1/2", "¼": "1/4", "¾": "3/4",
    ]

    /// The text with every non-ASCII character replaced by its stand-in ("?" when it has none).
    public static func fold(_ text: some StringProtocol) -> String {
        guard !text.allSatisfy(\.isASCII) else { return String(text) }
        var result = ""
        for character in text {
            if character.isASCII {
                result.append(character)
            } else if let stand = table[character] {
                result += stand
            } else if let base = character.unicodeScalars.first, base.isASCII {
                result.append(Character(base))  // a letter with a combining mark: the letter
            } else {
                result += "?"
            }
        }
        return result
    }

    /// Every character the table folds, for tests.
    public static var symbols: [Character] { Array(table.keys) }
}
