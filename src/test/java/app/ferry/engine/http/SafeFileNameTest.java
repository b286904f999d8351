package app.ferry.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFileNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../../etc/passwd | passwd",
        "/etc/passwd | passwd",
        "C:\\Windows\\x.exe | x.exe",
        "..\\..\\boot.ini | boot.ini",
        "dir/sub\\mixed/name.txt | name.txt",
        "report.pdf | report.pdf",
        "功夫熊猫.mp4 | 功夫熊猫.mp4",
        "trailing dots... | trailing dots",
        "'trailing space.txt   ' | trailing space.txt",
        "'   leading space.txt' | leading space.txt",
        ".bashrc | .bashrc",
        "v1.0 release notes | v1.0 release notes",
    })
    void examples(String candidate, String expected) {
        assertThat(SafeFileName.sanitize(candidate)).contains(expected);
    }

    @Test
    void removesCharactersInvalidOnWindowsOrMacOs() {
        assertThat(SafeFileName.sanitize("a<b>c:d\"e|f?g*h.txt")).contains("abcdefgh.txt");
    }

    @Test
    void removesControlCharacters() {
        assertThat(SafeFileName.sanitize("a\u0000b\u001fc\u007fd\u0085e\tf\n.txt")).contains("abcdef.txt");
    }

    @Test
    void removesBidiOverrideThatDisguisesExtension() {
        // With the right-to-left override, "invoice\u202Efdp.exe" is displayed as "invoiceexe.pdf".
        assertThat(SafeFileName.sanitize("invoice\u202Efdp.exe")).contains("invoicefdp.exe");
    }

    @Test
    void removesLoneSurrogatesButKeepsPairs() {
        assertThat(SafeFileName.sanitize("a\uD800b\uDC00c😀.txt")).contains("abc😀.txt");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CON.txt | _CON.txt",
        "con | _con",
        "Nul.tar.gz | _Nul.tar.gz",
        "COM1 | _COM1",
        "lpt9.log | _lpt9.log",
        "PRN | _PRN",
        "aux.c | _aux.c",
        "COM\u00b9.txt | _COM\u00b9.txt",
        "'CON .txt' | '_CON .txt'",
        "CON. | _CON",
    })
    void windowsReservedNamesArePrefixed(String candidate, String expected) {
        assertThat(SafeFileName.sanitize(candidate)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONSOLE.txt", "COM10", "LPT", "icon.png", "nul1", "x.con"})
    void namesThatOnlyLookReservedAreKept(String candidate) {
        assertThat(SafeFileName.sanitize(candidate)).contains(candidate);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".", "..", "...", "   ", "dir/", "a/..", "a\\.", "\u0000\u0001", "<>:\"|?*", ". . ."})
    void refusesNamesWithNothingLeft(String candidate) {
        assertThat(SafeFileName.sanitize(candidate)).isEmpty();
    }

    @Test
    void capsLongCjkNameAt255BytesOnCodePointBoundary() {
        String name = "熊".repeat(300); // 900 UTF-8 bytes, no extension

        String safe = SafeFileName.sanitize(name).orElseThrow();

        assertThat(safe.getBytes(StandardCharsets.UTF_8)).hasSize(255);
        assertThat(safe).isEqualTo("熊".repeat(85));
    }

    @Test
    void capKeepsExtension() {
        String safe = SafeFileName.sanitize("a".repeat(300) + ".tar.gz").orElseThrow();

        assertThat(safe).endsWith(".gz").startsWith("aaa");
        assertThat(safe.getBytes(StandardCharsets.UTF_8)).hasSize(255);
    }

    @Test
    void capNeverSplitsACodePoint() {
        // 2-byte chars after one ASCII char: 255 is odd-aligned, so one byte must be left unused.
        String safe = SafeFileName.sanitize("x" + "é".repeat(200) + ".pdf").orElseThrow();

        assertThat(safe).isEqualTo("x" + "é".repeat(125) + ".pdf");
        assertThat(safe.getBytes(StandardCharsets.UTF_8)).hasSize(1 + 250 + 4);
        String emoji = SafeFileName.sanitize("😀".repeat(100)).orElseThrow();
        assertThat(emoji).isEqualTo("😀".repeat(63));
    }

    @Test
    void hugeExtensionIsNotPreserved() {
        String safe = SafeFileName.sanitize("a." + "b".repeat(300)).orElseThrow();

        assertThat(safe).isEqualTo("a." + "b".repeat(253));
    }

    @Test
    void reservedNameNearTheCapStaysWithinIt() {
        String safe = SafeFileName.sanitize("CON." + "x".repeat(251)).orElseThrow();

        assertThat(safe).startsWith("_CON.");
        assertThat(safe.getBytes(StandardCharsets.UTF_8)).hasSize(255);
    }
}
