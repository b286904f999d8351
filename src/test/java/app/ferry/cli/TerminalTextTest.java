package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void everyC0ControlAndDelBecomeAVisibleHexEscape() {
        for (char c = 0; c < 0x20; c++) {
            assertThat(TerminalText.safe("a" + c + "b")).isEqualTo(String.format("a\\x%02xb", (int) c));
        }
        assertThat(TerminalText.safe("a\u007fb")).isEqualTo("a\\x7fb");
    }

    @Test
    void c1ControlsAndBidiControlsBecomeUnicodeEscapes() {
        for (char c = 0x80; c <= 0x9f; c++) {
            assertThat(TerminalText.safe("" + c)).isEqualTo(String.format("\\u%04x", (int) c));
        }
        assertThat(TerminalText.safe("doc\u202eexe.pdf\u2066\u2069\u200f\u061c"))
                .isEqualTo("doc\\u202eexe.pdf\\u2066\\u2069\\u200f\\u061c");
    }

    @Test
    void printableTextIncludingNonAsciiAndBackslashesIsUnchanged() {
        String text = "C:\\Users\\zoë\\报告 (1).pdf — 100 %";
        assertThat(TerminalText.safe(text)).isSameAs(text);
        assertThat(TerminalText.safe(null)).isEqualTo("null");
    }

    @Test
    void linesKeepLineFeedsTabsAndCrLfButNotALoneCarriageReturn() {
        assertThat(TerminalText.safeLines("a\r\nb\n\tc\rd\u001b[2Je"))
                .isEqualTo("a\r\nb\n\tc\\x0dd\\x1b[2Je");
    }
}
