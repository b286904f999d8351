package app.ferry.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.NotBlank;

class ContentDispositionPropertiesTest {

    @Property(tries = 3000)
    void neverThrows(@ForAll String header) {
        assertThat(ContentDisposition.filename(header)).isNotNull();
    }

    @Property(tries = 3000)
    void neverThrowsOnHeaderShapedJunk(@ForAll("headerShaped") String header) {
        assertThat(ContentDisposition.filename(header)).isNotNull();
    }

    @Property(tries = 2000)
    void extendedValueRoundTrips(@ForAll @NotBlank String name) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        boolean encodable = name.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && c < 0x10000);

        if (encodable) {
            assertThat(ContentDisposition.filename("attachment; filename*=UTF-8''" + encoded + "; filename=x"))
                    .contains(name);
        }
    }

    @Provide
    Arbitrary<String> headerShaped() {
        return Arbitraries.strings()
                .withChars("attachment;filename*=\"'\\%UTF-8E4 \t")
                .withCharRange('\u0080', '\u00ff')
                .ofMaxLength(60);
    }
}
