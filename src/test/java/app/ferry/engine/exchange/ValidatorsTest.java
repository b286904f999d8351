package app.ferry.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every validator is kept and compared; only those RFC 9110 allows go into If-Range. */
class ValidatorsTest {

    private static final String MONDAY = "Mon, 30 Nov 2026 10:00:00 GMT";
    private static final String TUESDAY = "Tue, 01 Dec 2026 10:00:00 GMT";

    @Test
    void aWeakETagIsKeptButNeverGuardsARange() {
        Validators weak = Validators.of(headers("W/\"v1\"", MONDAY));

        assertThat(weak.etag()).isEqualTo("W/\"v1\"");
        assertThat(weak.ifRange()).as("the date, not the weak ETag").isEqualTo(MONDAY);
        assertThat(Validators.of(headers("W/\"v1\"", null)).canGuardRanges()).isFalse();
        assertThat(Validators.of(headers("\"v1\"", MONDAY)).ifRange()).isEqualTo("\"v1\"");
        assertThat(Validators.of(headers("no-quotes", null)).etag()).as("not an entity tag").isNull();
        assertThat(Validators.of(headers("W/", null)).etag()).isNull();
    }

    @Test
    void aChangedWeakETagIsAnotherVersionEvenUnderTheSameDate() {
        assertThat(new Validators("W/\"v2\"", MONDAY).contradicts("W/\"v1\"", MONDAY)).isTrue();
        assertThat(new Validators("\"v2\"", MONDAY).contradicts("W/\"v1\"", MONDAY)).isTrue();
        assertThat(new Validators("W/\"v1\"", MONDAY).contradicts("W/\"v1\"", MONDAY)).isFalse();
        // Weak comparison: the same opaque tag, once weak and once strong, may be the same version...
        assertThat(new Validators("\"v1\"", MONDAY).contradicts("W/\"v1\"", MONDAY)).isFalse();
        // ...but then the dates still have their say.
        assertThat(new Validators("W/\"v1\"", TUESDAY).contradicts("W/\"v1\"", MONDAY)).isTrue();
    }

    @Test
    void twoEqualStrongETagsProveTheBytesWhateverTheDates() {
        assertThat(new Validators("\"v1\"", TUESDAY).contradicts("\"v1\"", MONDAY)).isFalse();
        assertThat(new Validators("\"v2\"", MONDAY).contradicts("\"v1\"", MONDAY)).isTrue();
    }

    @Test
    void whatIsMissingOnEitherSideIsNotCompared() {
        assertThat(new Validators(null, MONDAY).contradicts("\"v1\"", MONDAY)).isFalse();
        assertThat(new Validators(null, TUESDAY).contradicts("\"v1\"", MONDAY)).isTrue();
        assertThat(new Validators("\"v1\"", null).contradicts(null, MONDAY)).isFalse();
        assertThat(new Validators(null, null).contradicts(null, null)).isFalse();
    }

    @Test
    void aChallengeNamesItsRealm() {
        assertThat(Challenge.parse("Basic realm=\"files\", charset=\"UTF-8\"").realm()).isEqualTo("files");
        assertThat(Challenge.parse("Basic realm=\"files\"").describe()).isEqualTo(" (realm \"files\")");
        assertThat(Challenge.parse("Bearer").realm()).isNull();
        assertThat(Challenge.parse("Bearer").describe()).isEmpty();
    }

    private static HttpHeaders headers(String etag, String lastModified) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        if (etag != null) {
            map.put("ETag", List.of(etag));
        }
        if (lastModified != null) {
            map.put("Last-Modified", List.of(lastModified));
        }
        return HttpHeaders.of(map, (a, b) -> true);
    }
}
