package app.ferry.engine;

import app.ferry.engine.upload.ContentTypes;

import app.ferry.engine.request.RequestOptions;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The file as the whole request body of a PUT or POST. A RESTful {@code PUT base-url/name} is
 * this too, built by {@link #restPut}.
 *
 * @param contentType the body's type, or null to guess it from the file name
 */
public record RawUploadSpec(Path file, @JsonProperty("url") URI uri, String method, String contentType,
                            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = RequestOptions.OmitEmpty.class) RequestOptions request) implements UploadSpec {

    public RawUploadSpec {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(uri, "url");
        request = request == null ? RequestOptions.NONE : request;
        method = method == null ? "PUT" : method.toUpperCase(Locale.ROOT);
        if (!method.equals("PUT") && !method.equals("POST")) {
            throw new IllegalArgumentException("A raw upload is sent with PUT or POST, not " + method);
        }
    }

    public RawUploadSpec(Path file, URI uri, String method, String contentType) {
        this(file, uri, method, contentType, RequestOptions.NONE);
    }

    /** @param url an http(s) URL, already normalized: parsed here, once */
    public RawUploadSpec(Path file, String url, String method, String contentType) {
        this(file, URI.create(url), method, contentType, RequestOptions.NONE);
    }

    /**
     * {@code PUT base/name}, the name percent-encoded as one path segment (a slash in it stays
     * part of the name).
     */
    public static RawUploadSpec restPut(Path file, String baseUrl, String name, String contentType) {
        // The server stores it under the new name, so that name says what it is.
        String type = contentType != null ? contentType : ContentTypes.ofName(name);
        return new RawUploadSpec(file, restUrl(baseUrl, name), "PUT", type);
    }

    /**
     * {@code base/name}, the name percent-encoded as one path segment: the one rule for REST
     * names, also used by uploads that are not a file (standard input).
     */
    public static String restUrl(String baseUrl, String name) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        String segment = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(base + segment).toString();
    }

    @Override
    public RawUploadSpec withRequest(RequestOptions options) {
        return new RawUploadSpec(file, uri, method, contentType, options);
    }

    @Override
    public List<Path> files() {
        return List.of(file);
    }
}
