import AdvisorCore
import AdvisorFiles
import AdvisorTUI

/// The wizard's questions as plain lines on standard input and output, for screen readers, pipes
/// and TERM=dumb: one prompt per line, options numbered, the current answer in brackets (an empty
/// line keeps it), `?` for help, validation messages, and the recovery file after every answer.
public struct PlainSession {
    let engine: Engine
    var answers: Answers
    let recovery: RecoveryStore
    let readLine: () -> String?
    let write: (String) -> Void
    private var endOfInput = false

    public init(engine: Engine, answers: Answers, recovery: RecoveryStore,
                readLine: @escaping () -> String? = { Swift.readLine(strippingNewline: true) },
                write: @escaping (String) -> Void = { StandardStreams.output($0) }) {
        self.engine = engine
        self.answers = answers
        self.recovery = recovery
        self.readLine = readLine
        self.write = write
    }

    /// Asks every question; returns the answers. At the end of input the rest keep their answers.
    public mutating func run() -> Answers {
        let kb = engine.knowledgeBase
        let steps = engine.questionnaire.steps
        write("runtime-advisor: \(kb.stacks.count) candidate stacks for running AI agents, scored on "
              + kb.axes.map { $0.name.lowercased() }.joined(separator: ", ") + ".\n")
        write("Answer each question on one line. An empty line keeps the answer in [brackets]; a question marked\n"
              + "(required) needs an answer; ? shows help.\n")
        var index = 0
        while index < steps.count, !endOfInput {
            let step = steps[index]
            write("\nStep \(index + 1) of \(steps.count): \(clean(step.title))\n\(clean(step.intro))\n")
            for id in step.questions where !endOfInput {
                guard let question = engine.questionnaire.question(id), question.isAsked(given: answers) else { continue }
                ask(question, step: index)
            }
            if step.questions.contains(where: { $0.hasPrefix("weights.") }), !endOfInput,
               let problem = AnswersParser.weightProblems(answers, questionnaire: engine.questionnaire).first {
                if let what = problem.question.flatMap({ engine.questionnaire.question($0)?.text }) {
                    write("Error: \(what) \(problem.message) (expected \(problem.expected)). Again:\n")
                } else {
                    write("Error: at least one weight must be above 0, since the total divides by their sum. Again:\n")
                }
                continue
            }
            index += 1
        }
        return answers
    }

    private mutating func ask(_ question: Question, step: Int) {
        write("\n" + clean(question.text) + "\n")
        if question.kind == .choice {
            for (number, option) in question.options.enumerated() {
                write("  \(number + 1)) \(clean(option.label))" + (option.help.map { " - " + clean($0) } ?? "") + "\n")
            }
        }
        while !endOfInput {
            write(prompt(question))
            guard let line = readLine() else {
                endOfInput = true
                write("\n(end of input: this and the remaining questions were not answered)\n")
                return
            }
            let input = line.trimmingCharacters(in: [" ", "\t", "\r"])
            if input == "?" {
                write(help(question))
                continue
            }
            if input.isEmpty {
                // A required question has no answer to keep until one is given, as in the wizard.
                if isUnanswered(question) {
                    write("This question needs an answer (? shows help). Again:\n")
                    continue
                }
                keep(question, step: step)
                return
            }
            switch parse(input, for: question) {
            case .success(let value):
                set(question.id, value, step: step)
                return
            case .failure(let error):
                write("Error: \(error.message)\n")
            }
        }
    }

    /// A required question nobody has answered yet: it shows no answer and an empty line does not pass it.
    func isUnanswered(_ question: Question) -> Bool {
        question.required && answers.defaulted.contains(question.id)
    }

    /// The prompt line: what a valid answer looks like and the answer an empty line keeps, marked when it
    /// is the questionnaire's default; a required question still unanswered shows "(required)" instead.
    func prompt(_ question: Question) -> String {
        let current = answers.values[question.id]
        let lead: String
        var shown: String
        switch question.kind {
        case .choice:
            let position = question.options.firstIndex { $0.value == current?.choice }.map { "\($0 + 1): " } ?? ""
            lead = "Choose 1-\(question.options.count)"
            shown = position + (current?.choice.flatMap { question.option($0)?.label } ?? "")
        case .boolean:
            lead = "Yes or no"
            shown = answers.flag(question.id) ? "yes" : "no"
        case .integer, .number:
            let range = FieldValidation.range(question)
            lead = range.prefix(1).uppercased() + range.dropFirst() + (question.unit.map { " (\($0))" } ?? "")
            shown = FieldValidation.editableText(current)
        case .text:
            lead = "Text, or - for none"
            shown = FieldValidation.editableText(current)
        case .list:
            lead = "Names separated by commas, or - for none"
            shown = FieldValidation.editableText(current)
        }
        if isUnanswered(question) { return lead + " (required): " }
        if answers.defaulted.contains(question.id), !shown.isEmpty { shown += ", the default" }
        return lead + " [\(clean(shown))]: "
    }

    func parse(_ input: String, for question: Question) -> Result<AnswerValue, FieldError> {
        switch question.kind {
        case .choice:
            if let number = Int(input), question.options.indices.contains(number - 1) {
                return .success(.choice(question.options[number - 1].value))
            }
            if let option = question.options.first(where: { $0.value.lowercased() == input.lowercased()
                || $0.label.lowercased() == input.lowercased() }) {
                return .success(.choice(option.value))
            }
            return .failure(FieldError("choose a number from 1 to \(question.options.count)"))
        case .text, .list:
            return FieldValidation.parse(input == "-" ? "" : input, for: question)
        default:
            return FieldValidation.parse(input, for: question)
        }
    }

    func help(_ question: Question) -> String {
        let expected = question.kind == .integer || question.kind == .number ? FieldValidation.range(question) : question.expectation
        var text = clean(question.help) + "\nAnswer: \(expected).\n"
        for source in question.sources.compactMap(engine.knowledgeBase.source) { text += "Source " + clean(source.citation) + "\n" }
        return text
    }

    /// An empty line: the shown answer stands, and counts as given.
    private mutating func keep(_ question: Question, step: Int) {
        if let value = answers.values[question.id] { set(question.id, value, step: step) }
    }

    private mutating func set(_ id: QuestionID, _ value: AnswerValue, step: Int) {
        let before = answers
        answers[id] = value
        guard answers != before else { return }
        let questionIndex = engine.questionnaire.steps[step].questions.firstIndex(of: id) ?? 0
        try? recovery.write(RecoveryFile.text(answers: answers, questionnaire: engine.questionnaire, step: step,
                                              question: questionIndex))
    }

    func clean(_ text: String) -> String { PrintableText.clean(text) }

    /// After the questions: offers to save the answers; an existing file is replaced only after "y".
    /// Returns the path saved to, if any.
    public mutating func offerToSave(defaultPath: String?) -> String? {
        guard !endOfInput else { return nil }
        write("\nSave the answers to a file? Type a path" + (defaultPath.map { " (or . for \($0))" } ?? "")
              + ", or an empty line to skip: ")
        guard var path = readLine()?.trimmingCharacters(in: [" ", "\t", "\r"]), !path.isEmpty else { return nil }
        if path == ".", let defaultPath { path = defaultPath }
        let text = Wizard.answersFileText(answers, questionnaire: engine.questionnaire)
        do {
            try AtomicFile.write(text, to: path, replace: false)
        } catch where error.exists {
            write("\(clean(path)) exists. Replace it? Type y to replace, anything else to keep it: ")
            guard readLine()?.lowercased() == "y" else {
                write("Not saved; \(clean(path)) is unchanged.\n")
                return nil
            }
            do {
                try AtomicFile.write(text, to: path, replace: true)
            } catch {
                write("Error: cannot write \(clean(error.description))\n")
                return nil
            }
        } catch {
            write("Error: cannot write \(clean(error.description))\n")
            return nil
        }
        recovery.remove()
        write("Saved the answers to \(clean(path)).\n")
        return path
    }
}
