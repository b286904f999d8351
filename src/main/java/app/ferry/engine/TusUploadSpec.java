package app.ferry.engine;

import app.ferry.engine.request.RequestOptions;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A resumable upload over the tus 1.0.0 protocol to the creation endpoint {@code url}. */
public record TusUploadSpec(Path file, @JsonProperty("url") URI uri,
                            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = RequestOptions.OmitEmpty.class) RequestOptions request) implements UploadSpec {

    public TusUploadSpec {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(uri, "url");
        request = request == null ? RequestOptions.NONE : request;
    }

    public TusUploadSpec(Path file, URI uri) {
        this(file, uri, RequestOptions.NONE);
    }

    /** @param url an http(s) URL, already normalized: parsed here, once */
    public TusUploadSpec(Path file, String url) {
        this(file, URI.create(url), RequestOptions.NONE);
    }

    @Override
    public TusUploadSpec withRequest(RequestOptions options) {
        return new TusUploadSpec(file, uri, options);
    }

    @Override
    public List<Path> files() {
        return List.of(file);
    }
}
