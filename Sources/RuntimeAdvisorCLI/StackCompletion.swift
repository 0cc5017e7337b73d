import AdvisorCore
import AdvisorFiles

/// Stack ids for shell completion (`compare`, `--exclude`): asked of the binary when the shell
/// completes, so they are the knowledge base's own (RUNTIME_ADVISOR_DATA's when set), never a copy.
enum StackCompletion {
    static var ids: [String] {
        ((try? KnowledgeSource.engine(dataDirectory: nil))?.knowledgeBase.stacks.map(\.id) ?? []).sorted()
    }
}
