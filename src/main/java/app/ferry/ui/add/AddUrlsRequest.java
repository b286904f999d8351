package app.ferry.ui.add;

import java.nio.file.Path;

/**
 * What the "Add URLs" dialog asks for.
 *
 * @param sha256 expected SHA-256 (hex) of the single URL, or blank
 * @param user Basic user name for all URLs, or blank (a user name in a URL counts too)
 */
public record AddUrlsRequest(String text, Path folder, String sha256, String user, String password) {

    public AddUrlsRequest {
        text = text == null ? "" : text;
        sha256 = sha256 == null ? "" : sha256.strip();
        user = user == null ? "" : user.strip();
        password = password == null ? "" : password;
    }
}
