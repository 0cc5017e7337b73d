import ArgumentParser

/// Most runs are the default command with a few long options: a headless run or the wizard.
/// ArgumentParser reflects over every option of `Advise` before it reads one argument: 23 M
/// instructions under `valgrind --tool=callgrind`, nearly 40% of a JSON run (the Swift runtime looks up
/// each option's generic type and conformances the first time it meets them); parsing `Advise` as the
/// root instead of the whole tree saves only 2 M of it. Arguments made
/// only of this command's long options, each given once as `--name value`, `--name=value` or a flag,
/// are read here instead, into the same `Advise` value; anything else (a subcommand, `--help`, a short
/// or unknown option, a value that looks like an option or that the option does not take, a failed
/// validation) returns nil and goes to ArgumentParser, whose errors and help stay word for word.
/// QuickParseTests check that both give the same `Advise` for every option.
enum QuickParse {
    /// The options that take a value, and the flags, of `Advise` and its option groups.
    static let valueOptions: Set<String> = ["--answers", "--format", "--detail", "--color", "--output", "--adr-dir",
                                            "--template", "--data", "--screens", "--today", "--theme", "--prices"]
    /// The options that take a value and may be given more than once.
    static let repeatableOptions: Set<String> = ["--exclude"]
    static let flags: Set<String> = ["--force", "--minimal", "--interactive", "--plain", "--resume"]

    static func advise(_ arguments: [String]) -> Advise? {
        guard let given = options(arguments) else { return nil }
        func value<T: ExpressibleByArgument>(_ name: String) throws(Refused) -> T? {
            guard let text = given.values[name] else { return nil }
            guard let value = T(argument: text) else { throw Refused() }
            return value
        }
        do {
            var text = TextOptions()
            text.detail = try value("--detail")
            text.color = try value("--color") ?? .auto
            var written = DestinationOptions()
            written.output = given.values["--output"]
            written.force = given.flags.contains("--force")
            written.adrDirectory = given.values["--adr-dir"]
            var templates = TemplateOptions()
            templates.template = given.values["--template"]
            templates.minimal = given.flags.contains("--minimal")
            var knowledge = KnowledgeOptions()
            knowledge.data = given.values["--data"]
            knowledge.screens = given.values["--screens"]
            knowledge.today = given.values["--today"]
            var prices = PriceOptions()
            prices.prices = given.values["--prices"]
            var exclusions = ExclusionOptions()
            exclusions.stacks = given.lists["--exclude"] ?? []
            var wizard = WizardOptions()
            wizard.interactive = given.flags.contains("--interactive")
            wizard.plain = given.flags.contains("--plain")
            wizard.resume = given.flags.contains("--resume")
            wizard.theme = try value("--theme") ?? .default
            // ArgumentParser validates each group, then the command.
            try text.validate()
            try written.validate()
            try templates.validate()
            try knowledge.validate()
            try prices.validate()
            try exclusions.validate()
            try wizard.validate()
            var advise = Advise()
            advise.answers = given.values["--answers"]
            advise.format = try value("--format")
            (advise.text, advise.written, advise.templates, advise.knowledge, advise.wizard) = (text, written, templates, knowledge, wizard)
            advise.prices = prices
            advise.exclusions = exclusions
            try advise.validate()
            return advise
        } catch {
            return nil
        }
    }

    struct Refused: Error {}

    /// The values and flags given, or nil when an argument is not one this parser takes.
    static func options(_ arguments: [String]) -> (values: [String: String], lists: [String: [String]], flags: Set<String>)? {
        var values: [String: String] = [:]
        var lists: [String: [String]] = [:]
        var flagsGiven: Set<String> = []
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            let name = String(argument.prefix { $0 != "=" })
            let inline = name.count < argument.count ? String(argument.dropFirst(name.count + 1)) : nil
            if flags.contains(name), inline == nil {
                guard flagsGiven.insert(name).inserted else { return nil }
            } else if valueOptions.contains(name) || repeatableOptions.contains(name), let value = inline ?? remaining.popFirst() {
                guard value == "-" || !(value.isEmpty || value.hasPrefix("-")) else { return nil }
                if repeatableOptions.contains(name) {
                    lists[name, default: []].append(value)
                } else if values.updateValue(value, forKey: name) != nil {
                    return nil
                }
            } else {
                return nil
            }
        }
        return (values, lists, flagsGiven)
    }
}
