package app.ferry.ui;

import app.ferry.engine.ResponseInfo;
import app.ferry.engine.TaskRecord;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text a server wrote, made fit for a one-glance notice: markup never reaches the screen. A
 * server's HTML error page becomes its status line and its {@code <title>}; the whole body stays
 * in the details pane, where it is shown as text.
 */
final class PlainText {

    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>?");
    private static final Pattern MARKUP = Pattern.compile("(?is)<(!doctype|html|head|body|title|h\\d|p|div|pre|br)\\b");
    private static final int MAX_LENGTH = 300;

    private PlainText() {
    }

    /** The reason a task failed, for a notice: its status and page title when the server sent a page. */
    static String failureOf(TaskRecord record, ProblemText words) {
        String message = words.reason(record);
        ResponseInfo response = record.response();
        if (response != null && response.status() >= 400 && MARKUP.matcher(message + java.util.Objects.toString(response.body(), "")).find()) {
            String status = words.status(response.status());
            Optional<String> title = title(response.body()).or(() -> title(message));
            return title.filter(t -> !status.contains(t)).map(t -> status + " — " + t).orElse(status);
        }
        return of(message);
    }

    /** {@code text} without tags, entities decoded, white space collapsed, and cut when very long. */
    static String of(String text) {
        if (text == null) {
            return "";
        }
        String withoutCode = SCRIPT_OR_STYLE.matcher(text).replaceAll(" ");
        String plain = decode(TAG.matcher(withoutCode).replaceAll(" ")).replaceAll("\\s+", " ").strip();
        return plain.length() > MAX_LENGTH ? plain.substring(0, MAX_LENGTH - 1) + "…" : plain;
    }

    /** The page's {@code <title>}, as plain text, when it has a non-blank one. */
    static Optional<String> title(String html) {
        if (html == null) {
            return Optional.empty();
        }
        Matcher m = TITLE.matcher(html);
        return m.find() ? Optional.of(of(m.group(1))).filter(t -> !t.isBlank()) : Optional.empty();
    }

    private static String decode(String text) {
        return text.replace("&lt;", "‹").replace("&gt;", "›").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&").replace('<', '‹').replace('>', '›');
    }
}
