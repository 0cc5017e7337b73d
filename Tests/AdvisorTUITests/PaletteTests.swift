import AdvisorTUI
import Testing

/// Projector-friendly colours: content is never dim; high contrast has nothing dim at all.
@Suite struct PaletteTests {
    @Test func contentIsNeverDimOnlyChromeIs() {
        for palette in [Palette.color, .monochrome] {
            #expect(!palette.appearance(for: Style(.dim)).attributes.contains(.dim), "secondary content is plain")
            #expect(palette.appearance(for: Style(.hint)).attributes.contains(.dim), "key hints are chrome")
        }
    }

    @Test func highContrastHasNothingDim() {
        for colours in [true, false] {
            let palette = Palette.detect(environment: [:], terminalHasColors: colours, highContrast: true)
            for role in StyleRole.allCases {
                #expect(!palette.appearance(for: Style(role)).attributes.contains(.dim), "\(role)")
            }
        }
        let noColor = Palette.detect(environment: ["NO_COLOR": "1"], terminalHasColors: true, highContrast: true)
        #expect(noColor.isMonochrome, "NO_COLOR still wins")
    }
}
