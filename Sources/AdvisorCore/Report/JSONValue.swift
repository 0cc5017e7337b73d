/// A JSON document and its writer: object keys sorted, two-space indentation, numbers in their
/// shortest exact form. Written by hand so a headless run does not pay for Codable's reflection.
public indirect enum JSONValue: Hashable, Sendable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public static func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    public static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
    public static func numbers(_ values: [Int]) -> JSONValue { .array(values.map { .number(Double($0)) }) }

    /// The document as pretty-printed text ending in a newline.
    public func rendered() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    private static func newline(_ out: inout [UInt8], indent: Int) {
        out.append(0x0A)
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, indent: indent + 1)
                JSONValue.writeString(member.key, into: &out)
                out += ": ".utf8
                member.value.write(into: &out, indent: indent + 1)
            }
            JSONValue.newline(&out, indent: indent)
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, indent: indent + 1)
                item.write(into: &out, indent: indent + 1)
            }
            JSONValue.newline(&out, indent: indent)
            out.append(UInt8(ascii: "]"))
        case .string(let text): JSONValue.writeString(text, into: &out)
        case .number(let value): out += JSONValue.number(value).utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .null: out += "null".utf8
        }
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Escapes quotes, backslashes and every control character (C0, DEL, C1, and the JavaScript line
    /// separators), so no text can break the document; and, as `\uXXXX`, the invisible characters that
    /// can make a value read as something else where the JSON is shown: bidi embeddings, overrides and
    /// isolates, zero-width characters and marks (U+200B–U+200F, U+2060) and the byte order mark.
    /// Text with none of them, which is nearly all, is copied as its UTF-8 bytes.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if mayNeedEscape(text.utf8) {
            for scalar in text.unicodeScalars { writeScalar(scalar, into: &out) }
        } else {
            out += text.utf8
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func writeScalar(_ scalar: Unicode.Scalar, into out: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0x22: out += "\\\"".utf8
        case 0x5C: out += "\\\\".utf8
        case 0x0A: out += "\\n".utf8
        case 0x0D: out += "\\r".utf8
        case 0x09: out += "\\t".utf8
        case 0x20..<0x7F: out.append(UInt8(value))
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x200B...0x200F, 0x2060, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
            let hex = String(value, radix: 16)
            out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
        default:
            UTF8.encode(scalar) { out.append($0) }
        }
    }

    /// False when no scalar in `bytes` (UTF-8) is one `writeScalar` escapes: those are ASCII, or lead
    /// with C2 (C1 controls), E2 (U+2028 and the rest of that block) or EF (the byte order mark), bytes
    /// that only ever lead a scalar. A lead byte alone is enough to take the careful path.
    private static func mayNeedEscape(_ bytes: String.UTF8View) -> Bool {
        bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }
    }
}
