import AdvisorCore
import Mustache

/// The MADR decision record: `RecordData` rendered through a Mustache template. The built-in
/// templates are Screens/record/madr.md.mustache and minimal.md.mustache.
public enum DecisionRecord {
    /// Built-in template names, as `KnowledgeSource.builtInScreen` and `--screens` folders know them.
    public static let templateName = "record/madr.md.mustache"
    public static let minimalTemplateName = "record/minimal.md.mustache"

    /// The data a template gets for one run.
    public static func data(_ advice: Advice, engine: Engine, options: RecordOptions) -> RecordData {
        RecordBuilder(advice: advice, engine: engine, options: options).build()
    }

    /// Renders the record for one run with the template text given (`file` names it in errors).
    public static func render(_ advice: Advice, engine: Engine, options: RecordOptions, template: String,
                              file: String = templateName) throws(DiagnosticError) -> String {
        try render(data(advice, engine: engine, options: options), template: template, file: file)
    }

    /// Renders `data` with a template. Values are escaped already, so the template is rendered as text
    /// (no HTML escaping); control characters and bidi overrides never reach the output.
    public static func render(_ data: RecordData, template: String, file: String) throws(DiagnosticError) -> String {
        let context = TemplateContext(data)
        // Measured before rendering, which cannot be interrupted once it starts.
        try TemplateBudget().check(template, file: file, shape: context.shape)
        // Parsed in pieces, which is faster and renders the same (TemplatePieces); a template whose
        // pieces do not all parse is parsed whole, so its error names the line as the user wrote it.
        let rendered: String
        if let pieces = try? pieces(template) {
            rendered = pieces.map { $0.render(context.root) }.joined()
        } else {
            rendered = try wholeTemplate(template, file: file).render(context.root)
        }
        return PrintableText.clean(rendered, keepNewlines: true)
    }

    /// The text content type comes first, as for the whole template: on the first piece's first line,
    /// and on a line of its own before each other piece (a standalone tag, so every piece begins at
    /// the start of a line, as it does in the template).
    private static func pieces(_ template: String) throws -> [MustacheTemplate] {
        try TemplatePieces.split(template).enumerated().map { index, piece in
            try MustacheTemplate(string: (index == 0 ? "{{% CONTENT_TYPE: TEXT}}" : "{{% CONTENT_TYPE: TEXT}}\n") + piece)
        }
    }

    private static func wholeTemplate(_ template: String, file: String) throws(DiagnosticError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template)
        } catch let error as MustacheTemplate.ParserError {
            throw DiagnosticError([Diagnostic(
                SourceLocation(file: file, line: error.context.lineNumber,
                               column: error.context.lineNumber == 1 ? nil : error.context.columnNumber),
                "is not a valid Mustache template: \(error.error)")])
        } catch {
            throw DiagnosticError([Diagnostic(SourceLocation(file: file), "is not a valid Mustache template: \(error)")])
        }
    }
}
