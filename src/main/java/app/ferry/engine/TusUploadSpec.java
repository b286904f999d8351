package app.ferry.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A resumable upload over the tus 1.0.0 protocol to the creation endpoint {@code url}. */
public record TusUploadSpec(Path file, @JsonProperty("url") URI uri) implements UploadSpec {

    public TusUploadSpec {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(uri, "url");
    }

    /** @param url an http(s) URL, already normalized: parsed here, once */
    public TusUploadSpec(Path file, String url) {
        this(file, URI.create(url));
    }

    @Override
    public List<Path> files() {
        return List.of(file);
    }
}
