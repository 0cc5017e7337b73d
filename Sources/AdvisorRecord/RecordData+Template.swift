/// Every field of the record's data by the name a template uses, listed once per type: how
/// `TemplateContext` reads the data without reflection. TemplateContextTests check each list against
/// the type's stored properties, so a field added to `RecordData` and not here fails a test by name.

extension RecordData: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("front", .object(front)), ("title", .text(title)), ("summary", .object(summary)), ("slug", .text(slug)),
         ("supersedes", .optional(supersedes)), ("supersedesWhy", .optional(supersedesWhy)), ("context", .object(context)),
         ("drivers", .objects(drivers)), ("exclusions", .objects(exclusions)),
         ("otherDefaults", .optional(otherDefaults)), ("options", .objects(options)), ("outcome", .object(outcome)),
         ("consequences", .objects(consequences)), ("confirmation", .texts(confirmation)), ("diagram", .object(diagram)),
         ("scoreTable", .object(scoreTable)), ("costs", .object(costs)), ("sensitivity", .object(sensitivity)),
         ("risks", .object(risks)), ("caveats", .texts(caveats)), ("trace", .objects(trace)), ("answers", .object(answers)),
         ("priceBook", priceBook.map { .object($0) } ?? .none), ("sources", .texts(sources))]
    }
}

extension RecordData.RuledOut: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("name", .text(name)), ("reason", .text(reason))]
    }
}

extension RecordData.Summary: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("decision", .text(decision)), ("cost", .text(cost)), ("reasons", .text(reasons)), ("commits", .text(commits)),
         ("confirm", .text(confirm)), ("decides", .text(decides)), ("recheck", .text(recheck)), ("team", .optional(team))]
    }
}

extension RecordData.FrontMatter: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("status", .text(status)), ("date", .text(date)), ("decisionMakers", .text(decisionMakers)),
         ("supersedes", .optional(supersedes)), ("supersedesFile", .optional(supersedesFile)),
         ("toolVersion", .text(toolVersion)), ("knowledgeBase", .text(knowledgeBase)),
         ("knowledgeBaseAsOf", .text(knowledgeBaseAsOf)), ("knowledgeBaseSHA256", .text(knowledgeBaseSHA256)),
         ("answersSHA256", .text(answersSHA256)), ("chosenStack", .text(chosenStack)), ("rules", .text(rules)),
         ("rulesSHA256", .text(rulesSHA256)), ("stacks", .objects(stacks)), ("priceBook", priceBook.map { .object($0) } ?? .none)]
    }
}

extension RecordData.FrontMatterStack: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("key", .text(key)), ("monthlyUSD", .text(monthlyUSD)), ("lowerBound", .text(lowerBound)), ("score", .text(score)),
         ("fits", .text(fits)), ("rates", .text(rates)), ("factsSHA256", .text(factsSHA256))]
    }
}

extension RecordData.ContextSection: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("problem", .text(problem)), ("workload", .text(workload)), ("knowledgeBase", .text(knowledgeBase)),
         ("stale", .optional(stale)), ("profiles", .objects(profiles)), ("overridden", .texts(overridden))]
    }
}

extension RecordData.ProfileMatch: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("name", .text(name)), ("advice", .text(advice))]
    }
}

extension RecordData.Driver: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("name", .text(name)), ("weight", .text(weight)), ("summary", .text(summary)), ("answers", .objects(answers))]
    }
}

extension RecordData.DriverAnswer: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("question", .text(question)), ("answer", .text(answer))]
    }
}

extension RecordData.ConsideredOption: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("id", .text(id)), ("name", .text(name)), ("short", .text(short)), ("isChosen", .flag(isChosen)),
         ("rank", .text(rank)), ("total", .text(total)), ("summary", .text(summary)), ("standing", .text(standing)),
         ("monthly", .text(monthly)), ("glance", .text(glance)), ("facts", .objects(facts)), ("leftOut", .count(leftOut)),
         ("factCount", .text(factCount))]
    }
}

extension RecordData.StancePoint: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("stance", .text(stance)), ("text", .text(text))]
    }
}

extension RecordData.Outcome: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("name", .text(name)), ("because", .text(because)), ("reasons", .texts(reasons)),
         ("closeCall", .optional(closeCall))]
    }
}

extension RecordData.Diagram: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("stack", .text(stack)), ("nodes", .objects(nodes)), ("edges", .objects(edges))]
    }
}

extension RecordData.DiagramNode: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("id", .text(id)), ("label", .text(label))]
    }
}

extension RecordData.DiagramEdge: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("from", .text(from)), ("to", .text(to)), ("arrow", .text(arrow))]
    }
}

extension RecordData.ScoreTable: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("axes", .texts(axes)), ("rows", .objects(rows)), ("formula", .text(formula))]
    }
}

extension RecordData.ScoreRow: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("rank", .text(rank)), ("name", .text(name)), ("fits", .texts(fits)), ("total", .text(total)),
         ("floors", .text(floors))]
    }
}

extension RecordData.CostSection: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("month", .text(month)), ("summary", .objects(summary)), ("stacks", .objects(stacks)),
         ("tokens", .optional(tokens)), ("assumptions", .texts(assumptions))]
    }
}

extension RecordData.CostSummaryRow: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("name", .text(name)), ("monthly", .text(monthly)), ("otherReading", .text(otherReading)), ("note", .text(note))]
    }
}

extension RecordData.StackCosts: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("name", .text(name)), ("rows", .objects(rows)), ("notes", .texts(notes)), ("exposures", .texts(exposures))]
    }
}

extension RecordData.CostRow: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("item", .text(item)), ("quantity", .text(quantity)), ("unit", .text(unit)), ("unitPrice", .text(unitPrice)),
         ("cost", .text(cost))]
    }
}

extension RecordData.SensitivitySection: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("breakEvens", .texts(breakEvens)), ("weightRanges", .texts(weightRanges)), ("nearestFlip", .text(nearestFlip)),
         ("otherFlips", .texts(otherFlips))]
    }
}

extension RecordData.RiskSection: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("stack", .text(stack)), ("items", .objects(items)), ("exposures", .texts(exposures))]
    }
}

extension RecordData.RiskItem: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("severity", .text(severity)), ("title", .text(title)), ("statement", .text(statement)), ("check", .text(check))]
    }
}

extension RecordData.TraceRow: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("option", .text(option)), ("axis", .text(axis)), ("fit", .text(fit)), ("changes", .text(changes))]
    }
}

extension RecordData.AnswersBlock: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("fence", .text(fence)), ("yaml", .text(yaml)), ("sha256", .text(sha256))]
    }
}

extension RecordData.FrontMatterPriceBook: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("name", .text(name)), ("asOf", .text(asOf)), ("sha256", .text(sha256)), ("listUSD", .text(listUSD))]
    }
}

extension RecordData.PriceBookBlock: TemplateFields {
    var templateFields: [(String, TemplateValue)] {
        [("name", .text(name)), ("asOf", .text(asOf)), ("fence", .text(fence)), ("yaml", .text(yaml)), ("sha256", .text(sha256))]
    }
}
