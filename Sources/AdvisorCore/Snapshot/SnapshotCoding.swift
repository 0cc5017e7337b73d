/// A compact binary form for the knowledge-base snapshot. Decoding it is a straight walk over bytes,
/// an order of magnitude cheaper than parsing YAML or JSON, which keeps a headless run near the cost of
/// starting a process.
protocol SnapshotCodable {
    func write(to writer: inout SnapshotWriter)
    init(from reader: inout SnapshotReader) throws(SnapshotError)
}

public struct SnapshotError: Error, Sendable {
    public var message: String
}

struct SnapshotWriter {
    var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while zigzag >= 0x80 {
            bytes.append(UInt8(zigzag & 0x7F) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    mutating func double(_ value: Double) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes += value.utf8
    }

    mutating func value<T: SnapshotCodable>(_ value: T) { value.write(to: &self) }

    mutating func optional<T>(_ value: T?, _ write: (inout SnapshotWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout SnapshotWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func values<T: SnapshotCodable>(_ values: [T]) { array(values) { $0.value($1) } }
    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
    mutating func ints(_ values: [Int]) { array(values) { $0.int($1) } }
    mutating func raw<T: RawRepresentable>(_ value: T) where T.RawValue == String { string(value.rawValue) }
}

struct SnapshotReader {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private mutating func byte() throws(SnapshotError) -> UInt8 {
        guard position < bytes.count else { throw SnapshotError(message: "snapshot ends early") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func int() throws(SnapshotError) -> Int {
        var result: UInt64 = 0, shift: UInt64 = 0
        while true {
            let next = try byte()
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
            guard shift < 64 else { throw SnapshotError(message: "snapshot integer too long") }
        }
        let value = Int64(bitPattern: result)
        return Int((value >> 1) ^ -(value & 1))
    }

    mutating func double() throws(SnapshotError) -> Double {
        var bits: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) { bits |= UInt64(try byte()) << UInt64(shift) }
        return Double(bitPattern: bits)
    }

    mutating func bool() throws(SnapshotError) -> Bool { try byte() != 0 }

    mutating func string() throws(SnapshotError) -> String {
        let count = try int()
        guard count >= 0, position + count <= bytes.count else { throw SnapshotError(message: "snapshot string out of range") }
        defer { position += count }
        return String(decoding: bytes[position..<(position + count)], as: UTF8.self)
    }

    mutating func value<T: SnapshotCodable>(_: T.Type = T.self) throws(SnapshotError) -> T { try T(from: &self) }

    mutating func optional<T>(_ read: (inout SnapshotReader) throws(SnapshotError) -> T) throws(SnapshotError) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout SnapshotReader) throws(SnapshotError) -> T) throws(SnapshotError) -> [T] {
        let count = try int()
        guard count >= 0, count <= bytes.count else { throw SnapshotError(message: "snapshot array too long") }
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try read(&self)) }
        return result
    }

    mutating func values<T: SnapshotCodable>(_: T.Type = T.self) throws(SnapshotError) -> [T] {
        try array { (reader: inout SnapshotReader) throws(SnapshotError) in try T(from: &reader) }
    }

    mutating func strings() throws(SnapshotError) -> [String] {
        try array { (reader: inout SnapshotReader) throws(SnapshotError) in try reader.string() }
    }

    mutating func ints() throws(SnapshotError) -> [Int] {
        try array { (reader: inout SnapshotReader) throws(SnapshotError) in try reader.int() }
    }

    mutating func raw<T: RawRepresentable>(_: T.Type = T.self) throws(SnapshotError) -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else { throw SnapshotError(message: "snapshot has unknown \(T.self) '\(text)'") }
        return value
    }

    mutating func optionalDouble() throws(SnapshotError) -> Double? {
        try optional { (reader: inout SnapshotReader) throws(SnapshotError) in try reader.double() }
    }

    mutating func optionalString() throws(SnapshotError) -> String? {
        try optional { (reader: inout SnapshotReader) throws(SnapshotError) in try reader.string() }
    }
}
