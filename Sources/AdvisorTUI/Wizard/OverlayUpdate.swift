/// Keys while a help box, prompt or question is open over the page.
extension Transition {
    mutating func overlayKey(_ key: Key) {
        switch state.overlay {
        case .help:
            let page = OverlayView.helpPageHeight(width: state.width, height: state.height)
            let lines = HelpPage(state: state, charset: state.context.charset)
                .document(width: OverlayView.helpContentWidth(width: state.width)).lines.count
            let limit = max(0, lines - page)
            switch key {
            case .escape, .enter, .character("?"), .character("q"), .function(1):
                state.overlay = nil
                state.helpScroll = 0
            case .down, .character("j"): state.helpScroll = min(limit, state.helpScroll + 1)
            case .up, .character("k"): state.helpScroll = max(0, state.helpScroll - 1)
            case .pageDown, .character(" "): state.helpScroll = min(limit, state.helpScroll + max(1, page - 1))
            case .pageUp: state.helpScroll = max(0, state.helpScroll - max(1, page - 1))
            case .home: state.helpScroll = 0
            case .end: state.helpScroll = limit
            default: break
            }
        case .pathPrompt(let kind, var field):
            switch key {
            case .escape:
                state.overlay = nil
                state.promptError = nil
                state.quitAfterSave = false
            case .enter:
                let path = field.text.trimmingSpaces
                guard !path.isEmpty else {
                    state.promptError = "enter a file path"
                    return
                }
                if kind == .record { refreshResults() }
                guard let request = request(kind: kind, path: path, replace: false) else { return }
                state.promptError = nil
                emit(.write(request))
            default:
                guard field.handle(key) != .ignored else { return }
                state.overlay = .pathPrompt(kind, field)
                state.promptError = nil
            }
        case .confirmReplace(let request):
            switch key {
            case .character("y"), .character("Y"):
                state.overlay = nil
                var replacing = request
                replacing.replace = true
                emit(.write(replacing))
            case .character("n"), .character("N"), .escape, .enter:
                // Back to the path, to choose another name.
                state.overlay = .pathPrompt(request.kind, TextField(request.path))
                state.promptError = "\(request.path) exists and was not replaced"
                state.quitAfterSave = false
            default: break
            }
        case .settleValue(var field):
            switch key {
            case .escape:
                state.overlay = nil
                state.promptError = nil
            case .enter:
                settleOnTypedValue(field.text)
            default:
                guard field.handle(key) == .edited else { return }
                state.overlay = .settleValue(field)
                state.promptError = nil
            }
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"), .character("q"):
                state.overlay = nil
                finishQuit()
            case .character("s"), .character("S"):
                state.quitAfterSave = true
                requestSave()
            case .character("n"), .character("N"), .escape:
                state.overlay = nil
            default: break
            }
        case .unanswered:
            switch key {
            case .enter, .character("g"), .character("y"), .character("Y"): goToFirstUnanswered()
            case .escape, .character("n"), .character("N"), .character("q"): state.overlay = nil
            default: break
            }
        case .outline(let cursor):
            let headings = currentPage?.headings ?? []
            switch key {
            case .up, .character("k"): state.overlay = .outline(max(0, cursor - 1))
            case .down, .character("j"): state.overlay = .outline(min(max(0, headings.count - 1), cursor + 1))
            case .home: state.overlay = .outline(0)
            case .end: state.overlay = .outline(max(0, headings.count - 1))
            case .enter, .character(" "):
                state.overlay = nil
                if headings.indices.contains(cursor) { scroll(toLine: headings[cursor].line) }
            case .escape, .character("g"), .character("q"): state.overlay = nil
            default: break
            }
        case .search(var field):
            switch key {
            case .escape:
                state.overlay = nil
            case .enter:
                state.overlay = nil
                let query = field.text.trimmingSpaces
                state.search = query.isEmpty ? nil : query
                guard !query.isEmpty else { return state.searchLine = nil }
                state.searchLine = nil
                jumpToMatch(forward: true)
            default:
                guard field.handle(key) != .ignored else { return }
                state.overlay = .search(field)
            }
        case .excludeReason(let stack, let field):
            excludeReasonKey(key, stack: stack, field: field)
        case nil:
            break
        }
    }

    /// A paste into the path prompt or the search box goes in as one edit, cut at the field's limit;
    /// over anything else (a yes/no question, the help) it is ignored, never read as keys.
    mutating func overlayPaste(_ text: String) {
        switch state.overlay {
        case .pathPrompt(let kind, var field):
            guard field.paste(text) != .ignored else { return }
            state.overlay = .pathPrompt(kind, field)
            state.promptError = nil
        case .search(var field):
            guard field.paste(text) != .ignored else { return }
            state.overlay = .search(field)
        case .excludeReason(let stack, var field):
            guard field.paste(text) != .ignored else { return }
            state.overlay = .excludeReason(stack, field)
            state.promptError = nil
        default:
            break
        }
    }
}
