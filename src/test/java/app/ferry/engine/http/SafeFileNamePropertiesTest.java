package app.ferry.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SafeFileNamePropertiesTest {

    @Property(tries = 3000)
    void anyStringSanitizesToASafeName(@ForAll String candidate) {
        SafeFileName.sanitize(candidate).ifPresent(SafeFileNamePropertiesTest::assertSafe);
    }

    @Property(tries = 3000)
    void hostileNamesSanitizeToASafeName(@ForAll("hostile") String candidate) {
        SafeFileName.sanitize(candidate).ifPresent(SafeFileNamePropertiesTest::assertSafe);
    }

    @Property(tries = 2000)
    void sanitizingIsIdempotent(@ForAll("hostile") String candidate) {
        Optional<String> once = SafeFileName.sanitize(candidate);

        once.ifPresent(name -> assertThat(SafeFileName.sanitize(name)).contains(name));
    }

    private static void assertSafe(String name) {
        assertThat(name).isNotEmpty().isNotEqualTo(".").isNotEqualTo("..");
        assertThat(name).doesNotContain("/", "\\", "<", ">", ":", "\"", "|", "?", "*");
        assertThat(name.chars()).noneMatch(c -> c < 0x20 || c == 0x7F);
        // No lone surrogates: a file system name must survive a UTF-8 round trip.
        assertThat(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(name);
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(name).doesNotEndWith(".").doesNotEndWith(" ");
        assertThat(name.split("\\.", 2)[0].strip().toUpperCase()).isNotIn("CON", "PRN", "AUX", "NUL", "COM1", "LPT1");
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("./\\ :<>|?*\"\u0000\u001f\u007fCONaux1熊😀\u202E\uD800")
                        .ofMaxLength(30),
                Arbitraries.strings().withChars("a熊.😀 ").ofMinLength(200).ofMaxLength(400),
                Arbitraries.of("CON", "con.txt", "..", ".", "a/../..", "LPT1.tar.gz")
                        .map(s -> "dir/" + s));
    }
}
