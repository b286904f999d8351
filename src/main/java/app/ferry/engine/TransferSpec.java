package app.ferry.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import app.ferry.engine.request.RequestOptions;
import java.net.URI;

/**
 * What the user asked for: immutable, persisted with the task, and enough to run it again from
 * scratch. Credentials are deliberately not part of it; its {@link RequestOptions} are, but their
 * secrets are kept out of the journal (docs/decisions/0009).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DownloadSpec.class, name = "download"),
    @JsonSubTypes.Type(value = RawUploadSpec.class, name = "raw-upload"),
    @JsonSubTypes.Type(value = MultipartUploadSpec.class, name = "multipart-upload"),
    @JsonSubTypes.Type(value = TusUploadSpec.class, name = "tus-upload"),
})
public sealed interface TransferSpec permits DownloadSpec, UploadSpec {

    /** The normalized http(s) URL, without user-info, parsed once when the spec was made. */
    URI uri();

    /** {@link #uri()} as text, as it is saved and shown. */
    default String url() {
        return uri().toString();
    }

    Direction direction();

    /** The user's headers, cookies, Referer and User-Agent for this task's requests. */
    RequestOptions request();

    /** The same task with other request options. */
    TransferSpec withRequest(RequestOptions options);
}
