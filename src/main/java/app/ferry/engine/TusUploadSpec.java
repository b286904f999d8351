package app.ferry.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A resumable upload over the tus 1.0.0 protocol to the creation endpoint {@code url}. */
public record TusUploadSpec(Path file, String url) implements UploadSpec {

    public TusUploadSpec {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(url, "url");
    }

    @Override
    public List<Path> files() {
        return List.of(file);
    }
}
