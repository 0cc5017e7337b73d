import AdvisorCore

/// Makes text from users or data files safe to put on a terminal. One rule for every face of the
/// advisor: see `PrintableText.clean` for what is replaced and removed.
public func sanitized(_ text: some StringProtocol) -> String { PrintableText.clean(text) }
