package app.ferry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Specs hold their URL parsed once, and are saved exactly as before: as "url". */
class SpecUriTest {

    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void aSpecIsParsedOnceAndSavedUnderItsOldName() throws Exception {
        DownloadSpec spec = DownloadSpec.of("http://h/a%20b.iso", Path.of("/tmp/d"));

        assertThat(spec.uri()).isEqualTo(URI.create("http://h/a%20b.iso"));
        assertThat(spec.url()).isEqualTo("http://h/a%20b.iso");
        JsonNode saved = json.readTree(json.writeValueAsString((TransferSpec) spec));
        assertThat(saved.path("kind").asText()).isEqualTo("download");
        assertThat(saved.path("url").asText()).isEqualTo("http://h/a%20b.iso");
        assertThat(saved.has("uri")).isFalse();
    }

    @Test
    void aStateSavedBeforeReadsBack() throws Exception {
        String before = "{\"kind\":\"tus-upload\",\"file\":\"/tmp/x.bin\",\"url\":\"http://h/files\"}";
        String raw = "{\"kind\":\"raw-upload\",\"file\":\"/tmp/x.bin\",\"url\":\"http://h/up/x.bin\",\"method\":\"PUT\"}";

        assertThat(json.readValue(before, TransferSpec.class))
                .isEqualTo(new TusUploadSpec(Path.of("/tmp/x.bin"), URI.create("http://h/files")));
        assertThat(json.readValue(raw, TransferSpec.class).uri()).isEqualTo(URI.create("http://h/up/x.bin"));
    }

    @Test
    void anAddressThatIsNoURIFailsWhenTheSpecIsMade() {
        assertThatThrownBy(() -> DownloadSpec.of("http://h/a b", Path.of("/tmp")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
