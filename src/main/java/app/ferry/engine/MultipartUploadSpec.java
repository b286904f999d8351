package app.ferry.engine;

import app.ferry.engine.request.RequestOptions;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A {@code multipart/form-data} POST of text fields and files (several may share a field name). */
public record MultipartUploadSpec(@JsonProperty("url") URI uri, List<FormPart> parts,
                                  @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = RequestOptions.OmitEmpty.class) RequestOptions request) implements UploadSpec {

    public MultipartUploadSpec {
        Objects.requireNonNull(uri, "url");
        request = request == null ? RequestOptions.NONE : request;
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("A form needs at least one field or file");
        }
    }

    /**
     * This form, if the user's request options leave its Content-Type alone: the server finds the
     * parts by the boundary in Ferry's. Checked as input, not when a saved task is read.
     *
     * @throws InputRefused when they set one
     */
    public MultipartUploadSpec checked() {
        if (request.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
            throw new InputRefused(new Problem(Problem.Code.HEADER_FORM_TYPE, List.of(), "A form upload (-F) cannot have"
                    + " its own Content-Type header: Ferry sends multipart/form-data with the boundary that separates"
                    + " the parts. Leave -H \"Content-Type: ...\" out", false));
        }
        return this;
    }

    public MultipartUploadSpec(URI uri, List<FormPart> parts) {
        this(uri, parts, RequestOptions.NONE);
    }

    /** @param url an http(s) URL, already normalized: parsed here, once */
    public MultipartUploadSpec(String url, List<FormPart> parts) {
        this(URI.create(url), parts, RequestOptions.NONE);
    }

    @Override
    public MultipartUploadSpec withRequest(RequestOptions options) {
        return new MultipartUploadSpec(uri, parts, options);
    }

    @Override
    public List<Path> files() {
        return parts.stream().filter(p -> p instanceof FormPart.FileField).map(p -> ((FormPart.FileField) p).file()).toList();
    }
}
