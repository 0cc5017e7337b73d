/// A JSON Schema (draft 2020-12) of the price book, generated from the knowledge base it prices (its
/// stack ids, vendors, meter and item ids, and drivers), so editors check a price book with the same
/// names the validator accepts. Rules that need two keys at once (a rate for an item needs a driver;
/// idle applies to wall-clock drivers only) are the validator's.
public enum PriceBookSchema {
    public static func render(_ knowledgeBase: KnowledgeBase) -> String { schema(knowledgeBase).rendered() }

    public static func schema(_ knowledgeBase: KnowledgeBase) -> JSONValue {
        let catalogue = PriceCatalogue(knowledgeBase)
        func text(_ description: String, maxLength: Int) -> JSONValue {
            .object(["type": .string("string"), "maxLength": .number(Double(maxLength)), "description": .string(description)])
        }
        let date = JSONValue.object(["type": .string("string"), "pattern": .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")])
        let stack = JSONValue.object(["enum": .strings(catalogue.stackIDs), "description": .string("A stack id from Data/stacks/.")])
        let discount = JSONValue.object([
            "type": .string("object"),
            "description": .string("A percentage off every list rate of the stacks it covers: one stack, a vendor's stacks, or all. "
                                   + "A stack's own discount wins over its vendor's, which wins over one for all."),
            "properties": .object([
                "stack": stack,
                "vendor": .object(["enum": .strings(catalogue.vendors), "description": .string("A vendor as the knowledge base names it.")]),
                "all": .object(["const": .bool(true), "description": .string("Every stack.")]),
                "percent": .object(["type": .string("number"), "minimum": .number(0), "maximum": .number(100)]),
                "note": text("Why: shown beside the price.", maxLength: 200),
            ]),
            "required": .strings(["percent"]),
            "oneOf": .array(["stack", "vendor", "all"].map { .object(["required": .strings([$0])]) }),
            "additionalProperties": .bool(false),
        ])
        let rate = JSONValue.object([
            "type": .string("object"),
            "description": .string("Your rate for a meter (in its own unit), or for an item the knowledge base cannot price "
                                   + "(with a driver). Your rate for a meter wins over any discount."),
            "properties": .object([
                "meter": .object(["enum": .strings(catalogue.meters.keys.sorted())]),
                "item": .object(["enum": .strings(catalogue.items.keys.sorted())]),
                "stack": stack,
                "rate": .object(["type": .string("number"), "exclusiveMinimum": .number(0), "maximum": .number(Meter.maximumRate),
                                 "description": .string("US dollars per unit.")]),
                "driver": .object(["enum": .strings(MeterDriver.allCases.map(\.rawValue)),
                                   "description": .string("Items only: what the monthly quantity is computed from; monthly is a fixed amount.")]),
                "unit": text("The unit the rate is quoted in (items: defaults to the driver's).", maxLength: 60),
                "unit_size": .object(["type": .string("number"), "minimum": .number(Meter.unitSizes.lowerBound),
                                      "maximum": .number(Meter.unitSizes.upperBound)]),
                "idle": .object(["enum": .strings(IdleBilling.allCases.map(\.rawValue)),
                                 "description": .string("Items with a wall-clock driver: whether idle time bills (default billed).")]),
                "as_of": date,
                "note": text("Why: shown beside the price.", maxLength: 200),
            ]),
            "required": .strings(["rate"]),
            "oneOf": .array(["meter", "item"].map { .object(["required": .strings([$0])]) }),
            "additionalProperties": .bool(false),
        ])
        return .object([
            "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
            "$id": .string("https://runtime-advisor.invalid/prices-v\(PriceBook.currentVersion).schema.json"),
            "title": .string("runtime-advisor price book"),
            "type": .string("object"),
            "properties": .object([
                "version": .object(["const": .number(Double(PriceBook.currentVersion)), "description": .string("Price book format version.")]),
                "name": text("The price book's name, shown wherever your prices are.", maxLength: 120),
                "as_of": date,
                "discounts": .object(["type": .string("array"), "items": discount]),
                "rates": .object(["type": .string("array"), "items": rate]),
            ]),
            "required": .strings(["version", "name", "as_of"]),
            "additionalProperties": .bool(false),
        ])
    }
}
