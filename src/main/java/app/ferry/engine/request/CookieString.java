package app.ferry.engine.request;

import app.ferry.engine.InputRefused;
import app.ferry.engine.Problem;
import java.util.ArrayList;
import java.util.List;

/** Parses curl's {@code --cookie "a=b; c=d"} (a {@code Cookie} header's value) into cookies for the task's origin. */
public final class CookieString {

    private CookieString() {
    }

    /** @throws IllegalArgumentException saying which pair was wrong */
    public static List<Cookie> parse(String text) {
        List<Cookie> cookies = new ArrayList<>();
        String[] pairs = text.split(";");
        for (int i = 0; i < pairs.length; i++) {
            String trimmed = pairs[i].strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                // Not quoted back: a cookie is a secret.
                throw new InputRefused(new Problem(Problem.Code.COOKIE_NO_NAME, List.of(String.valueOf(i + 1)),
                        "Cookie " + (i + 1) + " has no NAME= before its value: write NAME=VALUE pairs"
                        + " separated by \"; \", e.g. --cookie \"session=abc; lang=en\"", false));
            }
            cookies.add(Cookie.forOrigin(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip()));
        }
        return cookies;
    }
}
