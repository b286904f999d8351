package app.ferry.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A {@code multipart/form-data} POST of text fields and files (several may share a field name). */
public record MultipartUploadSpec(@JsonProperty("url") URI uri, List<FormPart> parts) implements UploadSpec {

    public MultipartUploadSpec {
        Objects.requireNonNull(uri, "url");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("A form needs at least one field or file");
        }
    }

    /** @param url an http(s) URL, already normalized: parsed here, once */
    public MultipartUploadSpec(String url, List<FormPart> parts) {
        this(URI.create(url), parts);
    }

    @Override
    public List<Path> files() {
        return parts.stream().filter(p -> p instanceof FormPart.FileField).map(p -> ((FormPart.FileField) p).file()).toList();
    }
}
