import ArgumentParser

/// `--generate-completion-script bash|zsh|fish`: swift-argument-parser's script, made to know the
/// default command. Its scripts complete `advise`'s options only after the word `advise`, and offer the
/// command names after `runtime-advisor --detail`; but `runtime-advisor --answers FILE` is the documented
/// way to run. So the function each shell calls first (bash and zsh: `_runtime-advisor`, renamed to
/// `_runtime-advisor_commands`; fish: the one that reads the command line's words) is wrapped in one that
/// puts `advise` after the program's name when the first word names no command and is an option or
/// is followed by more words. Everything else is the generated script, unchanged.
enum ShellCompletion {
    /// The arguments that ask for a script, and for which shell (nil: ArgumentParser handles them,
    /// including its error for a shell it does not know).
    static func requestedShell(_ arguments: [String]) -> CompletionShell? {
        let option = "--generate-completion-script"
        switch arguments.count {
        case 1 where arguments[0] == option: return CompletionShell.autodetected()
        case 1 where arguments[0].hasPrefix(option + "="): return CompletionShell(rawValue: String(arguments[0].dropFirst(option.count + 1)))
        case 2 where arguments[0] == option: return CompletionShell(rawValue: arguments[1])
        default: return nil
        }
    }

    static func script(for shell: CompletionShell) -> String {
        let generated = RuntimeAdvisor.completionScript(for: shell)
        switch shell {
        case .bash: return wrapping(generated, function: "_runtime-advisor() {", with: bashDefault, before: nil)
        case .zsh: return wrapping(generated, function: "_runtime-advisor() {", with: zshDefault,
                                   before: "if [[ \"${funcstack[1]}\" = _runtime-advisor ]]; then")
        case .fish: return wrapping(generated, function: "function __runtime-advisor_tokens", with: fishDefault, before: nil)
        default: return generated
        }
    }

    /// The command names, as the shells' `case` patterns and fish's list.
    static var commandNames: [String] {
        RuntimeAdvisor.configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// `generated` with the line `function` (the start of the wrapped function) renamed to the
    /// `_commands`/`_typed` name the adapter calls, and the adapter inserted before the line `before`
    /// (zsh runs its file's last lines when it first loads it) or at the end. Unchanged if the generator
    /// no longer writes those lines (InstallTests fail then).
    static func wrapping(_ generated: String, function: String, with adapter: String, before: String?) -> String {
        var lines = generated.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: function) else { return generated }
        lines[start] = function.replacingOccurrences(of: "_runtime-advisor(", with: "_runtime-advisor_commands(")
            .replacingOccurrences(of: "__runtime-advisor_tokens", with: "__runtime-advisor_typed_tokens")
        let at = before.flatMap { lines.firstIndex(of: $0) } ?? lines.count
        if before != nil, at == lines.count { return generated }
        lines.insert(contentsOf: adapter.components(separatedBy: "\n"), at: at)
        return lines.joined(separator: "\n")
    }

    static var bashDefault: String {
        """
        # The default command: words that name no command are advise's (runtime-advisor --answers FILE).
        _runtime-advisor() {
            case "${COMP_WORDS[1]-}" in
            \(commandNames.joined(separator: "|"))) ;;
            *)
                if [[ "${COMP_CWORD}" -gt 1 || "${COMP_WORDS[1]-}" == -* ]]; then
                    local -r typed="${COMP_LINE%%"${COMP_WORDS[0]}"*}${COMP_WORDS[0]}"
                    local -ar with_advise=("${COMP_WORDS[0]}" advise "${COMP_WORDS[@]:1}")
                    local -r line="${typed} advise${COMP_LINE:${#typed}}"
                    local -ir point=$((COMP_POINT + 7)) cword=$((COMP_CWORD + 1))
                    local -a COMP_WORDS=("${with_advise[@]}")
                    local COMP_LINE="${line}"
                    local -i COMP_POINT="${point}" COMP_CWORD="${cword}"
                    _runtime-advisor_commands "${1}" "${2}" "${COMP_WORDS[COMP_CWORD - 1]}"
                    return
                fi
                ;;
            esac
            _runtime-advisor_commands "${@}"
        }

        """
    }

    static var zshDefault: String {
        """
        # The default command: words that name no command are advise's (runtime-advisor --answers FILE).
        _runtime-advisor() {
            case "${words[2]-}" in
            \(commandNames.joined(separator: "|"))) ;;
            *)
                if (( CURRENT > 2 )) || [[ "${words[2]-}" == -* ]]; then
                    words=("${words[1]}" advise "${(@)words[2,-1]}")
                    (( CURRENT++ ))
                fi
                ;;
            esac
            _runtime-advisor_commands "${@}"
        }

        """
    }

    static var fishDefault: String {
        """
        # The default command: words that name no command are advise's (runtime-advisor --answers FILE).
        function __runtime-advisor_tokens
            set -l tokens (__runtime-advisor_typed_tokens $argv)
            # Only the words of the command line (-p, -pc); not the current word or the cursor (-t, -tC).
            if contains -- "$argv" -p -pc
                set -l before (__runtime-advisor_typed_tokens -pc)
                if not contains -- "$before[2]" \(commandNames.joined(separator: " "))
                    if test (count $before) -gt 1; or string match -q -- '-*' (__runtime-advisor_typed_tokens -t)
                        set tokens $tokens[1] advise $tokens[2..]
                    end
                end
            end
            printf '%s\\n' $tokens
        end

        """
    }
}
