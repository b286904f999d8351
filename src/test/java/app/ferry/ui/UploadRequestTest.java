package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ferry.engine.FormPart;
import app.ferry.engine.InvalidUrlException;
import app.ferry.engine.MultipartUploadSpec;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.TusUploadSpec;
import app.ferry.ui.settings.Settings.FormField;
import app.ferry.ui.settings.UploadMode;
import app.ferry.ui.upload.UploadRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadRequestTest {

    private static final List<Path> FILES = List.of(Path.of("/tmp/a.jpg"), Path.of("/tmp/b c.txt"));

    private static UploadRequest request(UploadMode mode, boolean onePerFile, boolean tus, List<String> names) {
        return new UploadRequest(FILES, " https://bob:pw@example.com/up ", mode, "", List.of(new FormField("album", "x"),
                new FormField(" ", "ignored")), onePerFile, tus, names, "", "");
    }

    @Test
    void rawPutAndPostMakeOneTaskPerFile() {
        assertThat(request(UploadMode.PUT_RAW, true, false, List.of()).specs())
                .containsExactly(new RawUploadSpec(FILES.get(0), "https://example.com/up", "PUT", null),
                        new RawUploadSpec(FILES.get(1), "https://example.com/up", "PUT", null));
        assertThat(request(UploadMode.POST_RAW, true, false, List.of()).specs())
                .allMatch(s -> ((RawUploadSpec) s).method().equals("POST"));
    }

    @Test
    void restPutUsesTheNewNamesOrTheFileNames() {
        assertThat(request(UploadMode.REST_PUT, true, false, List.of("renamed.jpg", " ")).specs())
                .extracting(s -> s.url())
                .containsExactly("https://example.com/up/renamed.jpg", "https://example.com/up/b%20c.txt");
    }

    @Test
    void multipartOneTaskPerFileOrAllInOne() {
        assertThat(request(UploadMode.MULTIPART, true, false, List.of()).specs()).hasSize(2);
        MultipartUploadSpec all = (MultipartUploadSpec) request(UploadMode.MULTIPART, false, false, List.of()).specs().getFirst();
        assertThat(all.parts()).hasSize(3);
        assertThat(all.parts().getFirst()).isEqualTo(new FormPart.TextField("album", "x"));
        assertThat(all.parts().subList(1, 3)).allMatch(p -> p.name().equals("file"));
    }

    @Test
    void tusWinsOverTheMode() {
        assertThat(request(UploadMode.MULTIPART, false, true, List.of()).specs())
                .containsExactly(new TusUploadSpec(FILES.get(0), "https://example.com/up"),
                        new TusUploadSpec(FILES.get(1), "https://example.com/up"));
    }

    @Test
    void credentialsFromTheFieldsOrTheUrl() {
        assertThat(request(UploadMode.PUT_RAW, true, false, List.of()).credentials().user()).isEqualTo("bob");
        UploadRequest typed = new UploadRequest(FILES, "https://example.com/up", UploadMode.PUT_RAW, null, null, true,
                false, null, "alice", "secret");
        assertThat(typed.credentials().user()).isEqualTo("alice");
        assertThat(new UploadRequest(FILES, "https://example.com/up", UploadMode.PUT_RAW, null, null, true, false,
                null, "", "").credentials()).isNull();
    }

    @Test
    void anInvalidTargetExplainsItself() {
        UploadRequest bad = new UploadRequest(FILES, "example.com/up", UploadMode.PUT_RAW, null, null, true, false,
                null, "", "");
        assertThatThrownBy(bad::specs).isInstanceOf(InvalidUrlException.class).hasMessageContaining("has no scheme");
    }
}
