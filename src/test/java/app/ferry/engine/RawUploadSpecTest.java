package app.ferry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The one rule for REST names, shared by file uploads and {@code ferry put - URL --as NAME}. */
class RawUploadSpecTest {

    @Test
    void theNameIsOnePercentEncodedSegmentWithOrWithoutATrailingSlash() {
        assertThat(RawUploadSpec.restUrl("http://h/albums/", "照片 1+a/b.jpg"))
                .isEqualTo("http://h/albums/%E7%85%A7%E7%89%87%201%2Ba%2Fb.jpg")
                .isEqualTo(RawUploadSpec.restUrl("http://h/albums", "照片 1+a/b.jpg"));
    }

    @Test
    void restPutSendsTheFileToThatUrlTypedByTheNewName() {
        RawUploadSpec spec = RawUploadSpec.restPut(Path.of("raw.dat"), "http://h/albums/", "a b.jpg", null);

        assertThat(spec.url()).isEqualTo(RawUploadSpec.restUrl("http://h/albums/", "a b.jpg"));
        assertThat(spec.method()).isEqualTo("PUT");
        assertThat(spec.contentType()).isEqualTo("image/jpeg");
    }
}
