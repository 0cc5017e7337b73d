// terminal-smoke: draws a demo through the real ncurses backend so CI can check, in tmux, that
// keys, resizes and every way of quitting work and leave the terminal usable.
// q quits with status 0, Ctrl-C with 130 (e: exit(3) via atexit, t: throws, status 4). After
// q or Ctrl-C one line goes to stdout, which must hold nothing else: the screen is on /dev/tty.
import AdvisorTUI
import AdvisorTerminal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let minimumSize = TerminalSize(width: 80, height: 24)

func render(size: TerminalSize, lastKey: String, charset: Charset) -> CellGrid {
    var grid = CellGrid(width: size.width, height: size.height)
    if size.width < minimumSize.width || size.height < minimumSize.height {
        let message = "terminal too small: needs \(minimumSize.width)x\(minimumSize.height), has \(size.width)x\(size.height)"
        let rows = grid.area.splitRows([.fill(), .fixed(2), .fill()])
        Paragraph(message, style: .warning, alignment: .center).render(into: &grid, area: rows[1])
        return grid
    }
    let screen = grid.area.splitRows([.fill(), .fixed(1)])
    let inner = Block(title: "terminal smoke", charset: charset).render(into: &grid, area: screen[0])
    KeyHints([.init("q", "quit"), .init("Ctrl-C", "interrupt"), .init("any key", "echo"), .init("click", "echo")])
        .render(into: &grid, area: screen[1])
    let parts = inner.inset(left: 1, right: 1)
        .splitRows([.fixed(1), .fixed(1), .fixed(1), .fixed(1), .fixed(4), .fixed(1), .fill()])
    grid.put("size: \(size.width)x\(size.height)   last key: \(lastKey)", x: parts[0].x, y: parts[0].y)
    // Characters whose widths trip terminals up; the right border must stay in line.
    let tricky = "width check: 中文 😀 🌡 ☺\u{FE0F} e\u{301} ｱ \u{1B}[31m"
    grid.put(tricky, x: parts[3].x, y: parts[3].y, style: .dim)
    Bar(fraction: 0.62, label: "budget used", valueText: "62%", charset: charset).render(into: &grid, area: parts[1])
    ProgressBar(step: 2, of: 5, charset: charset).render(into: &grid, area: parts[2])
    Table(
        columns: [.init("Stack"), .init("Monthly", width: .fixed(9), alignment: .right),
                  .init("Break-even", width: .fixed(10), alignment: .right)],
        rows: [.init(["Serverless functions (pay per request)", "$1.2k", "38%"]),
               .init(["Kubernetes on reserved nodes", "$860", "—"]),
               .init(["中文 stack name", "$12k", "71%"])],
        selected: 1
    ).render(into: &grid, area: parts[4])
    let idle = (0...19).map { Double($0) * 0.05 }  // exactly 0...0.95; a float stride stops short
    LineChart(
        series: [
            .init(name: "serverless", points: idle.map { .init(x: $0, y: 1800 * (1 - $0)) }, index: 0),
            .init(name: "reserved VMs", points: idle.map { .init(x: $0, y: 700) }, index: 1),
        ],
        markers: [.init(x: 1 - 700.0 / 1800, label: "break-even 61%")],
        charset: charset
    ).render(into: &grid, area: parts[6])
    return grid
}

func describe(_ event: InputEvent) -> String {
    switch event {
    case .key(.character(let c)): "'\(c)'"
    case .key(let key): "\(key)"
    case .mouse(let x, let y, let button): "mouse \(button) at \(x),\(y)"
    case .resize(let w, let h): "resize \(w)x\(h)"
    case .interrupt: "Ctrl-C"
    case .paste(let text): "paste of \(text.count) characters"
    }
}

struct ThrownOnPurpose: Error, CustomStringConvertible {
    var description: String { "error thrown inside withTerminal (t pressed)" }
}

/// The event loop; returns the exit status. Extra keys for CI: e calls exit(3) without stopping
/// the screen (the atexit hook must restore), t throws (withTerminal must restore).
func run(_ screen: TerminalScreen, lastKey: inout String) throws -> Int32 {
    screen.draw(render(size: screen.size, lastKey: lastKey, charset: screen.charset))
    while true {
        guard let event = screen.nextEvent(timeoutMilliseconds: 250) else { continue }
        switch event {
        case .key(.character("q")): return 0
        case .interrupt: return 130
        case .key(.character("e")): exit(3)
        case .key(.character("t")): throw ThrownOnPurpose()
        case .resize: break
        default: lastKey = describe(event)
        }
        screen.draw(render(size: screen.size, lastKey: lastKey, charset: screen.charset))
    }
}

func fail(_ message: String, status: Int32) -> Never {
    let line = "terminal-smoke: \(message)\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(status)
}

var lastKey = "none"
do {
    let status = try withTerminal { try run($0, lastKey: &lastKey) }
    // The screen was drawn on /dev/tty, so this is the only thing on stdout.
    print("terminal-smoke: exit \(status), last key \(lastKey)")
    exit(status)
} catch let error as TerminalError {
    fail("\(error)", status: 1)
} catch {
    fail("\(error)", status: 4)
}
