/// The one number grammar every file here uses: plain decimals as YAML 1.1 and 1.2 readers both read
/// them. Forms the two read differently (`010` is 8 in YAML 1.1 and 10 in 1.2, `0o10`, `0x10`, `1_000`)
/// are refused with the way to write the number, so a file means the same in any YAML tool.
enum DecimalNumber {
    enum Reading: Equatable {
        case value(Double)
        /// A number some YAML readers take another way: why, and how to write it unambiguously.
        case ambiguous(why: String, write: String)
        case notANumber
    }

    static func read(_ text: String) -> Reading {
        let bytes = Array(text.utf8)
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let unsigned = bytes[index...]
        if unsigned.count > 1, unsigned.first == UInt8(ascii: "0") {
            let sign = String(decoding: bytes[..<index], as: UTF8.self)
            switch unsigned.dropFirst().first {
            case let next? where isDigit(next):
                let digits = String(decoding: unsigned.drop { $0 == UInt8(ascii: "0") }, as: UTF8.self)
                return .ambiguous(why: "a number with a leading zero, which YAML 1.1 reads as octal and YAML 1.2 as decimal",
                                  write: sign + (digits.isEmpty || digits.hasPrefix(".") ? "0" + digits : digits))
            case let marker?:
                guard let (radix, name) = radixes[marker | 0x20] else { break }
                guard let value = Int(String(decoding: unsigned.dropFirst(2), as: UTF8.self), radix: radix) else { return .notANumber }
                return .ambiguous(why: "\(name) number; YAML versions read these forms differently, so numbers here are decimal",
                                  write: sign + String(value))
            default: break
            }
        }
        if bytes.contains(UInt8(ascii: "_")) {
            return .ambiguous(why: "a number with '_' separators, which YAML 1.2 reads as text",
                              write: String(text.filter { $0 != "_" }))
        }
        guard isDecimal(unsigned), let value = Double(text), value.isFinite else { return .notANumber }
        return .value(value)
    }

    /// digits [. digits] [e [+-] digits], or . digits [e …]: what YAML 1.2's core schema calls a float.
    private static func isDecimal(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        func digits() -> Int {
            let start = index
            while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
            return index - start
        }
        var mantissa = digits()
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == bytes.endIndex
    }

    /// `0x`, `0o` and `0b` (lower-cased) and what they are.
    private static let radixes: [UInt8: (Int, String)] = [
        UInt8(ascii: "x"): (16, "a hexadecimal"), UInt8(ascii: "o"): (8, "an octal"), UInt8(ascii: "b"): (2, "a binary"),
    ]

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
