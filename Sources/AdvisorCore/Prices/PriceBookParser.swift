import Yams

/// Reads a price book (version 1) against a knowledge base, reporting every problem at once, each with
/// file, line, column and key, and the nearest known id on a typo.
public enum PriceBookParser {
    /// Price books larger than this are refused before parsing.
    public static let maxBytes = 1 << 20

    public static func parse(bytes: [UInt8], file: String, knowledgeBase: KnowledgeBase) throws(DiagnosticError) -> PriceBook {
        if bytes.count > maxBytes {
            throw DiagnosticError([Diagnostic(SourceLocation(file: file), "is \(Format.fixed(Double(bytes.count), 0)) bytes",
                                              expected: "a price book of at most 1 MiB")])
        }
        guard let root = try YAMLDocument.parse(bytes: bytes, file: file, limits: .priceBook) else {
            throw DiagnosticError([Diagnostic(SourceLocation(file: file, line: 1), "is empty",
                                              expected: "a price book starting with 'version: 1'")])
        }
        let text = try recordableText(bytes, file: file)
        let reader = YAMLReader(file: file)
        let book = PriceBookReading(reader: reader, catalogue: PriceCatalogue(knowledgeBase)).read(root)
        guard reader.diagnostics.isEmpty, var book else { throw DiagnosticError(reader.diagnostics) }
        book.text = text
        book.sha256 = SHA256.hex(text)
        return book
    }

    /// The text a decision record embeds and the digest is taken of: LF line ends, no byte-order mark,
    /// a final newline. A tab or control character would be changed on its way into a record (which
    /// shows no raw control character), so it is refused here, at its line and column.
    static func recordableText(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var text = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let bad = line.unicodeScalars.firstIndex(where: { !PrintableText.isClean(String($0)) }) else { continue }
            let scalar = line.unicodeScalars[bad]
            let code = String(scalar.value, radix: 16, uppercase: true)
            throw DiagnosticError([Diagnostic(
                SourceLocation(file: file, line: index + 1, column: line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: bad) + 1),
                "contains U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), a tab or control character",
                expected: "spaces and visible text only")])
        }
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }
}

/// What a price book may name, from the knowledge base: stacks, vendors, meters and unpriced items.
struct PriceCatalogue {
    let stackIDs: [StackID]
    let vendors: [String]
    /// Meter and item ids with the stacks that have them.
    let meters: [String: [StackID]]
    let items: [String: [StackID]]
    let exposures: Set<String>
    let meterUnits: [String: String]
    /// What a person might type for each id: its name, and for a vendor its stacks' names ("AWS").
    let meterWords: [(id: String, words: String)]
    let itemWords: [(id: String, words: String)]
    let vendorWords: [(id: String, words: String)]

    init(_ knowledgeBase: KnowledgeBase) {
        let stacks = knowledgeBase.stacks.sorted { $0.id < $1.id }
        stackIDs = stacks.map(\.id)
        var vendors: [String] = []
        for stack in stacks where !vendors.contains(stack.vendor) { vendors.append(stack.vendor) }
        self.vendors = vendors
        var meters: [String: [StackID]] = [:], items: [String: [StackID]] = [:], units: [String: String] = [:]
        var meterWords: [(String, String)] = [], itemWords: [(String, String)] = []
        for stack in stacks {
            for meter in stack.meters {
                meters[meter.id, default: []].append(stack.id)
                units[meter.id] = meter.unit
                meterWords.append((meter.id, meter.name + " " + stack.name))
            }
            for item in stack.notModelled {
                items[item.id, default: []].append(stack.id)
                itemWords.append((item.id, item.name + " " + stack.name))
            }
        }
        self.meterWords = meterWords
        self.itemWords = itemWords
        vendorWords = vendors.map { vendor in
            (vendor, ([vendor] + stacks.filter { $0.vendor == vendor }.flatMap { [$0.name, $0.short] }).joined(separator: " "))
        }
        self.meters = meters
        self.items = items
        meterUnits = units
        exposures = Set(stacks.flatMap { $0.exposures.map(\.id) })
    }
}

/// One reading of one price book: the reader collects every problem.
private struct PriceBookReading {
    let reader: YAMLReader
    let catalogue: PriceCatalogue

    func read(_ root: Node) -> PriceBook? {
        guard let fields = reader.fields(root, path: "") else { return nil }
        readVersion(fields)
        let name = fields.required("name", expected: "the price book's name, such as Acme negotiated prices")
            .flatMap { visibleLine($0, key: "name", maxLength: 120) }
        let asOfNode = fields.required("as_of", expected: "the date these prices were agreed, YYYY-MM-DD")
        let asOf = asOfNode.flatMap { reader.day($0, key: "as_of") }
        let discounts = list(fields, "discounts").compactMap(discount)
        let rates = list(fields, "rates").compactMap { rate($0, bookAsOf: asOf) }
        fields.finish()
        if fields.value("discounts") == nil, fields.value("rates") == nil {
            reader.error(root, key: "", "has neither discounts nor rates", expected: "a discounts: list, a rates: list, or both")
        }
        refuseRepeats(discounts.map { ($0.discount.scope, $0.node) }, message: "repeats a discount on the same stacks",
                      expected: "one discount for each stack, vendor or all", key: "discounts")
        refuseRepeats(rates.map { ("\($0.rate.stack) \($0.rate.target.id)", $0.node) }, message: "repeats a rate for the same meter or item",
                      expected: "one rate for each meter or item", key: "rates")
        guard let name, let asOf else { return nil }
        return PriceBook(name: name, asOf: asOf, discounts: discounts.map(\.discount), rates: rates.map(\.rate),
                         text: "", sha256: "", asOfWritten: WrittenAt(reader.location(asOfNode)))
    }

    private func readVersion(_ fields: Fields) {
        guard let node = fields.required("version", expected: "version: \(PriceBook.currentVersion)"),
              let version = reader.number(node, key: "version") else { return }
        if version != Double(PriceBook.currentVersion) {
            reader.error(node, key: "version", "\(Format.plain(version)) is not a supported version", expected: "\(PriceBook.currentVersion)")
        }
    }

    private func list(_ fields: Fields, _ name: String) -> [Node] {
        guard let node = fields.value(name), !reader.isNull(node) else { return [] }
        return reader.sequence(node, key: name) ?? []
    }

    // MARK: Discounts

    private func discount(_ node: Node) -> (discount: PriceBook.Discount, node: Node)? {
        guard let fields = reader.fields(node, path: "discounts") else { return nil }
        let given = ["stack", "vendor", "all"].filter { fields.value($0) != nil }
        var scope: PriceBook.Discount.Scope?
        if given.count != 1 {
            reader.error(node, key: "discounts", given.isEmpty ? "does not say what it covers" : "names \(given.joined(separator: " and ")) at once",
                         expected: "one of stack: <stack id>, vendor: <vendor name> or all: true")
        } else if let stack = fields.value("stack") {
            scope = stackID(stack, key: "discounts.stack").map(PriceBook.Discount.Scope.stack)
        } else if let vendor = fields.value("vendor") {
            scope = vendorName(vendor).map(PriceBook.Discount.Scope.vendor)
        } else if let all = fields.value("all"), let flag = reader.bool(all, key: "discounts.all") {
            if flag { scope = .all } else {
                reader.error(all, key: "discounts.all", "is false", expected: "all: true, or stack: or vendor: instead")
            }
        }
        let percent = fields.required("percent", expected: "percent: a number from 0 to 100").flatMap { node -> Double? in
            guard let value = reader.number(node, key: "discounts.percent") else { return nil }
            guard (0...100).contains(value) else {
                reader.error(node, key: "discounts.percent", "is \(Format.plain(value)), outside 0 to 100",
                             expected: "a percentage from 0 to 100, such as 20 for 20% off list")
                return nil
            }
            return value
        }
        let note = fields.value("note").flatMap { visibleLine($0, key: "discounts.note", maxLength: 200) }
        fields.finish()
        guard let scope, let percent else { return nil }
        return (PriceBook.Discount(scope: scope, percent: percent, note: note), node)
    }

    private func stackID(_ node: Node, key: String) -> StackID? {
        guard let id = reader.string(node, key: key, maxLength: 200) else { return nil }
        guard catalogue.stackIDs.contains(id) else {
            reader.error(node, key: key, "'\(YAMLReader.quoted(id))' is not a stack in the knowledge base",
                         expected: catalogue.stackIDs.joined(separator: " | "),
                         suggestion: DidYouMean.suggestion(for: id, among: catalogue.stackIDs))
            return nil
        }
        return id
    }

    private func vendorName(_ node: Node) -> String? {
        guard let text = reader.string(node, key: "discounts.vendor", maxLength: 200) else { return nil }
        if let vendor = catalogue.vendors.first(where: { $0.lowercased() == text.lowercased() }) { return vendor }
        reader.error(node, key: "discounts.vendor", "'\(YAMLReader.quoted(text))' is not a vendor in the knowledge base",
                     expected: catalogue.vendors.joined(separator: " | "),
                     suggestion: DidYouMean.suggestion(for: text, among: catalogue.vendorWords))
        return nil
    }

    // MARK: Rates

    private func rate(_ node: Node, bookAsOf: Day?) -> (rate: PriceBook.Rate, node: Node)? {
        guard let fields = reader.fields(node, path: "rates") else { return nil }
        let meterNode = fields.value("meter"), itemNode = fields.value("item")
        var target: PriceBook.Rate.Target?
        var stacks: [StackID] = []
        switch (meterNode, itemNode) {
        case (let meter?, nil): (target, stacks) = resolve(meter, asMeter: true)
        case (nil, let item?): (target, stacks) = resolve(item, asMeter: false)
        case (nil, nil):
            reader.error(node, key: "rates", "does not say what it prices",
                         expected: "meter: <a meter id> or item: <a not-modelled item id>; runtime-advisor schema --prices lists them")
        default:
            reader.error(node, key: "rates", "names a meter and an item at once", expected: "one of meter: or item:")
        }
        let key = "rates[\(target?.id ?? "?")]"
        let stack = resolveStack(fields, key: key, candidates: stacks)
        let rate = fields.required("rate", expected: "rate: your price in US dollars per unit").flatMap { positiveRate($0, key: key + ".rate") }
        let asOf = fields.value("as_of").flatMap { reader.day($0, key: key + ".as_of") } ?? bookAsOf
        let note = fields.value("note").flatMap { visibleLine($0, key: key + ".note", maxLength: 200) }
        var priced = PriceBook.Rate(target: target ?? .meter(""), stack: stack ?? "", rate: rate ?? 0, asOf: asOf ?? Day(year: 1970, month: 1, day: 1)!,
                                    note: note, written: WrittenAt(reader.location(fields.value("as_of") ?? node)))
        switch target {
        case .meter(let id)?: refuseForMeter(fields, key: key, meter: id)
        case .item?: readItemPricing(fields, key: key, into: &priced)
        // What it prices is already reported; its other keys are not read, so no second error.
        case nil: for name in ["driver", "unit", "unit_size", "idle"] { _ = fields.value(name) }
        }
        fields.finish()
        guard let target, stack != nil, rate != nil, asOf != nil else { return nil }
        if case .item = target, priced.driver == nil { return nil }
        return (priced, node)
    }

    /// The meter or item a rate names, and the stacks that have it; a typo gets the nearest id, and an
    /// id of the other kind (or an exposure) says which key it needs.
    private func resolve(_ node: Node, asMeter: Bool) -> (PriceBook.Rate.Target?, [StackID]) {
        let key = asMeter ? "rates.meter" : "rates.item"
        guard let id = reader.string(node, key: key, maxLength: 200) else { return (nil, []) }
        let own = asMeter ? catalogue.meters : catalogue.items
        if let stacks = own[id] { return (asMeter ? .meter(id) : .item(id), stacks) }
        let other = asMeter ? catalogue.items : catalogue.meters
        if other[id] != nil {
            reader.error(node, key: key, "'\(YAMLReader.quoted(id))' is \(asMeter ? "a not-modelled item, not a meter" : "a meter, not a not-modelled item")",
                         expected: asMeter ? "item: \(id) with a driver:" : "meter: \(id)")
        } else if catalogue.exposures.contains(id) {
            reader.error(node, key: key, "'\(YAMLReader.quoted(id))' is an exposure, a cost that may arrive and is never in the total",
                         expected: "a meter or a not-modelled item; a price book does not price exposures")
        } else {
            reader.error(node, key: key, "'\(YAMLReader.quoted(id))' is not \(asMeter ? "a meter" : "a not-modelled item") in the knowledge base",
                         expected: (asMeter ? "a meter id" : "a not-modelled item id") + "; runtime-advisor schema --prices lists them",
                         suggestion: DidYouMean.suggestion(for: id, among: asMeter ? catalogue.meterWords : catalogue.itemWords))
        }
        return (nil, [])
    }

    /// `stack:` is needed only when two stacks have a meter or item of that id.
    private func resolveStack(_ fields: Fields, key: String, candidates: [StackID]) -> StackID? {
        if let node = fields.value("stack") {
            guard let id = stackID(node, key: key + ".stack") else { return nil }
            guard candidates.isEmpty || candidates.contains(id) else {
                reader.error(node, key: key + ".stack", "'\(id)' does not have this id", expected: candidates.joined(separator: " | "))
                return nil
            }
            return id
        }
        if candidates.count > 1 {
            reader.error(fields.node, key: key, "is an id in several stacks", expected: "stack: one of " + candidates.joined(separator: " | "))
            return nil
        }
        return candidates.first
    }

    /// A meter's driver, idle reading and unit come from the knowledge base; a price book sets its rate only.
    private func refuseForMeter(_ fields: Fields, key: String, meter: String) {
        for name in ["driver", "idle", "unit_size"] {
            if let node = fields.value(name) {
                reader.error(node, key: "\(key).\(name)", "cannot be set for a meter; the knowledge base fixes it",
                             expected: "only rate (and as_of, note) for meter: \(meter)")
            }
        }
        if let node = fields.value("unit"), let unit = reader.string(node, key: key + ".unit", maxLength: 60),
           let listed = catalogue.meterUnits[meter], unit != listed {
            reader.error(node, key: key + ".unit", "is '\(YAMLReader.quoted(unit))', but this meter is priced per \(listed)",
                         expected: "unit: \(listed), or no unit")
        }
    }

    /// An unpriced item needs a driver; its unit defaults to the driver's, idle time bills unless `idle: free`.
    private func readItemPricing(_ fields: Fields, key: String, into rate: inout PriceBook.Rate) {
        let drivers = MeterDriver.allCases.map(\.rawValue)
        if let driverNode = fields.required("driver", expected: "driver: one of \(drivers.joined(separator: " | "))"),
           let text = reader.string(driverNode, key: key + ".driver", maxLength: 60) {
            if let driver = MeterDriver(rawValue: text) {
                rate.driver = driver
            } else {
                reader.error(driverNode, key: key + ".driver", "'\(YAMLReader.quoted(text))' is not a known driver",
                             expected: drivers.joined(separator: " | "), suggestion: DidYouMean.suggestion(for: text, among: drivers))
            }
        }
        rate.unit = fields.value("unit").flatMap { visibleLine($0, key: key + ".unit", maxLength: 60) } ?? rate.driver?.unitName
        if let sizeNode = fields.value("unit_size"), let size = reader.number(sizeNode, key: key + ".unit_size") {
            if Meter.unitSizes.contains(size) {
                rate.unitSize = size
            } else {
                reader.error(sizeNode, key: key + ".unit_size", "is \(Format.plain(size)), outside the sizes a price unit may have",
                             expected: "\(Format.plain(Meter.unitSizes.lowerBound)) to \(Format.quantity(Meter.unitSizes.upperBound))")
            }
        }
        if let idleNode = fields.value("idle") {
            let choices = IdleBilling.allCases.map(\.rawValue)
            if let text = reader.string(idleNode, key: key + ".idle", maxLength: 20) {
                if let driver = rate.driver, !driver.isWallClock {
                    reader.error(idleNode, key: key + ".idle", "applies only to wall-clock drivers, not \(driver.rawValue)",
                                 expected: "no idle for this driver")
                } else if let idle = IdleBilling(rawValue: text) {
                    rate.idle = idle
                } else {
                    reader.error(idleNode, key: key + ".idle", "'\(YAMLReader.quoted(text))' is not a known value",
                                 expected: choices.joined(separator: " | "), suggestion: DidYouMean.suggestion(for: text, among: choices))
                }
            }
        } else if rate.driver?.isWallClock == true {
            rate.idle = .billed
        }
    }

    /// A rate in dollars: finite, above 0, and at most the largest price the knowledge base allows.
    private func positiveRate(_ node: Node, key: String) -> Double? {
        guard let value = reader.number(node, key: key) else { return nil }
        guard value > 0 else {
            reader.error(node, key: key, "is \(Format.plain(value)), not a positive price",
                         expected: "a price above 0 US dollars per unit (a discount of 100% makes a stack free)")
            return nil
        }
        guard value <= Meter.maximumRate else {
            reader.error(node, key: key, "is \(Format.plain(value)), above the largest price a unit may have",
                         expected: "at most \(Format.money(Meter.maximumRate)) per unit")
            return nil
        }
        return value
    }

    // MARK: Shared

    /// Text printed on one line of every report: visible characters only.
    private func visibleLine(_ node: Node, key: String, maxLength: Int) -> String? {
        guard let text = reader.string(node, key: key, maxLength: maxLength) else { return nil }
        if let problem = PersonName.problem(text) {
            reader.error(node, key: key, problem.message, expected: problem.expected.replacingOccurrences(of: "a name", with: "text"))
            return nil
        }
        return text
    }

    /// The second of two entries for the same thing is an error naming the first's line.
    private func refuseRepeats<Key: Hashable>(_ entries: [(Key, Node)], message: String, expected: String, key: String) {
        var seen: [Key: Node] = [:]
        for (entry, node) in entries {
            if let first = seen[entry] {
                reader.error(node, key: key, "\(message) (first at line \(first.mark?.line ?? 0))", expected: expected)
            } else {
                seen[entry] = node
            }
        }
    }
}
