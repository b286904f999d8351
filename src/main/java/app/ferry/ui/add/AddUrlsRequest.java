package app.ferry.ui.add;

import app.ferry.engine.request.RequestOptions;
import java.nio.file.Path;

/**
 * What the "Add URLs" dialog asks for.
 *
 * @param sha256 expected SHA-256 (hex) of the single URL, or blank
 * @param user Basic user name for all URLs, or blank (a user name in a URL counts too)
 * @param headers request headers for all URLs, one {@code Name: value} per line, or blank
 * @param cookies cookies for all URLs as {@code a=b; c=d}, or blank
 */
public record AddUrlsRequest(String text, Path folder, String sha256, String user, String password, String headers,
                             String cookies) {

    public AddUrlsRequest(String text, Path folder, String sha256, String user, String password) {
        this(text, folder, sha256, user, password, "", "");
    }

    public AddUrlsRequest {
        text = text == null ? "" : text;
        sha256 = sha256 == null ? "" : sha256.strip();
        user = user == null ? "" : user.strip();
        password = password == null ? "" : password;
        headers = headers == null ? "" : headers;
        cookies = cookies == null ? "" : cookies;
    }

    /** The headers and cookies as the tasks keep them; throws with the line that is wrong. */
    public RequestOptions requestOptions() {
        return RequestOptions.fromText(headers, cookies);
    }
}
