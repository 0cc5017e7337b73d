import Mustache

/// `RecordData` as a Mustache template reads it, built once per record through its synthesized
/// `Encodable` conformance: each struct becomes a `TemplateObject`, each list an array (`[String]` for
/// lists of text, so `sorted(…)` still applies), and text, flags and counts stay as they are; a nil
/// optional is left out, which a template reads as missing, as before. Rendering then looks names up
/// in dictionaries instead of reflecting over every value, and the data's shape for the template
/// budget is measured in the same pass.
struct TemplateContext {
    let root: Any
    let shape: DataShape

    init(_ data: RecordData) {
        var shape = DataShape()
        // Encoding into nodes cannot fail: nothing here refuses a value.
        let node = (try? Node.encoding(data)) ?? Node()
        root = node.templateValue(key: "", shape: &shape) ?? TemplateObject(members: [:])
        self.shape = shape
    }
}

/// One struct of the record's data: its stored properties by name.
struct TemplateObject: MustacheParent {
    let members: [String: Any]

    func child(named name: String) -> Any? { members[name] }
}

/// For each key in the record's data: its longest list and its longest text (in UTF-8 bytes). A list's
/// items count under the list's own key.
struct DataShape {
    var longestList: [String: Int] = [:]
    var longestText: [String: Int] = [:]
}

/// A value being encoded: a struct's members, a list's items, or a leaf (text, a flag or a number).
private final class Node {
    var members: [String: Node]?
    var items: [Node]?
    var leaf: Any?
    /// A `[String]`, kept as one so the template's text-list transforms apply, even when it is empty.
    var isTextList = false

    /// The node for `value`: text, flags and numbers as leaves, anything else encoded into the node.
    static func encoding<T: Encodable>(_ value: T) throws -> Node {
        let node = Node()
        switch value {
        case let text as String: node.leaf = text
        case let flag as Bool: node.leaf = flag
        case let number as Int: node.leaf = number
        default:
            try value.encode(to: TreeEncoder(node: node))
            node.isTextList = T.self == [String].self
        }
        return node
    }

    /// What the template reads for this node under `key`, its text and list lengths recorded in `shape`.
    func templateValue(key: String, shape: inout DataShape) -> Any? {
        if let members {
            var values: [String: Any] = [:]
            values.reserveCapacity(members.count)
            for (name, node) in members { values[name] = node.templateValue(key: name, shape: &shape) }
            return TemplateObject(members: values)
        }
        if let items {
            shape.longestList[key] = max(shape.longestList[key] ?? 0, items.count)
            let values = items.compactMap { $0.templateValue(key: key, shape: &shape) }
            return isTextList ? values.compactMap { $0 as? String } : values
        }
        if let text = leaf as? String { shape.longestText[key] = max(shape.longestText[key] ?? 0, text.utf8.count) }
        return leaf
    }
}

private struct TreeEncoder: Encoder {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.members == nil { node.members = [:] }
        return KeyedEncodingContainer(KeyedContainer(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return UnkeyedContainer(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(node: node) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey] { [] }

    /// A new node under `key`, for nested containers and super encoders.
    private func child(_ key: Key) -> TreeEncoder {
        let child = Node()
        node.members?[key.stringValue] = child
        return TreeEncoder(node: child)
    }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.members?[key.stringValue] = try Node.encoding(value)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> { child(key).container(keyedBy: keyType) }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { child(key).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { child(Key(stringValue: "super")!) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { child(key) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.items?.count ?? 0 }

    /// A new item, for nested containers and super encoders.
    private func child() -> TreeEncoder {
        let child = Node()
        node.items?.append(child)
        return TreeEncoder(node: child)
    }

    mutating func encodeNil() throws { node.items?.append(Node()) }
    mutating func encode<T: Encodable>(_ value: T) throws { node.items?.append(try Node.encoding(value)) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        child().container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { child().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { child() }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {}
    mutating func encode<T: Encodable>(_ value: T) throws {
        let encoded = try Node.encoding(value)
        (node.members, node.items, node.leaf, node.isTextList) = (encoded.members, encoded.items, encoded.leaf, encoded.isTextList)
    }
}
