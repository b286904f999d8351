package app.ferry.cli;

import app.ferry.engine.request.Cookie;
import app.ferry.engine.request.CookieString;
import app.ferry.engine.request.Header;
import app.ferry.engine.request.NetscapeCookieFile;
import app.ferry.engine.request.RequestOptions;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.Options;

/**
 * {@code -H/--header}, {@code -A/--user-agent}, {@code --referer}, {@code --cookie} and {@code
 * --load-cookies}: the requests as the server wants them, named as curl names them ({@code -x} is
 * not among them: it means connections in Ferry, as in aria2).
 */
record RequestArguments(List<String> headers, String userAgent, String referer, List<String> cookies,
                        List<String> cookieFiles) {

    /** The options of these that may be given more than once. */
    static final Set<String> REPEATABLE = Set.of("header", "cookie", "load-cookies");

    static void addTo(Options options) {
        options.addOption(CliOptions.valued("H", "header", "\"NAME: VALUE\"",
                "Send this header to the URL's site (repeatable; dropped on a redirect to another site)."
                        + " On a rerun for an unfinished task, -H, --cookie, --load-cookies, --referer, -A and --user"
                        + " replace the ones saved with it; without them the saved ones are sent again."));
        options.addOption(CliOptions.valued("A", "user-agent", "STRING",
                "User-Agent to send instead of Ferry's own (not empty: Java would send its own)."));
        options.addOption(CliOptions.valued(null, "referer", "URL", "Referer to send to the URL's site."));
        options.addOption(CliOptions.valued(null, "cookie", "\"NAME=VALUE; ...\"",
                "Cookies to send to the URL's site (repeatable); kept owner-only until the task ends."));
        options.addOption(CliOptions.valued(null, "load-cookies", "FILE",
                "Send the matching cookies of a Netscape cookie file (as curl, wget and aria2 read it; repeatable)."));
    }

    static RequestArguments of(Arguments arguments) {
        return new RequestArguments(arguments.values("header"), arguments.value("user-agent"),
                arguments.value("referer"), arguments.values("cookie"), arguments.values("load-cookies"));
    }

    private static boolean hasUserInfo(String url) {
        try {
            return java.net.URI.create(url).getRawUserInfo() != null;
        } catch (IllegalArgumentException e) {
            // Not a URI java.net reads: look for user-info the way a browser's parser would.
            String rest = url.substring(url.indexOf("//") + 2);
            int end = rest.indexOf('/');
            return (end < 0 ? rest : rest.substring(0, end)).contains("@");
        }
    }

    private static boolean namesAFile(String cookie) {
        if (cookie.contains("=")) {
            return false;
        }
        try {
            return Files.isRegularFile(Path.of(cookie));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** A Netscape cookie file, or why it cannot be read, in words (not the JDK's exception names). */
    private static List<Cookie> readCookieFile(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--load-cookies " + file + ": not a file name (" + e.getReason() + ")", e);
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("--load-cookies " + file + " is a folder, not a cookie file");
        }
        try {
            return NetscapeCookieFile.read(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--load-cookies " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("--load-cookies " + file + ": cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("--load-cookies " + file + ": cannot be read"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    /** True when any of these options is on the command line. */
    boolean isGiven() {
        return !headers.isEmpty() || userAgent != null || referer != null || !cookies.isEmpty() || !cookieFiles.isEmpty();
    }

    /** The options, checked; empty with each mistake in {@code problems}. */
    Optional<RequestOptions> check(Problems problems) {
        int before = problems.size();
        List<Header> parsed = new ArrayList<>();
        for (String header : headers) {
            problems.check(() -> Header.parse(header)).ifPresent(parsed::add);
        }
        List<Cookie> jar = new ArrayList<>();
        for (String cookie : cookies) {
            if (namesAFile(cookie)) {
                // curl's -b FILE habit: Ferry's --cookie takes pairs only, so say which option reads files.
                problems.add("--cookie takes NAME=VALUE pairs, and " + cookie + " is a file: to send the cookies of a"
                        + " cookie file, use --load-cookies " + cookie);
                continue;
            }
            problems.check(() -> CookieString.parse(cookie)).ifPresent(jar::addAll);
        }
        for (String file : cookieFiles) {
            problems.check(() -> readCookieFile(file)).ifPresent(jar::addAll);
        }
        if (referer != null && !referer.startsWith("http://") && !referer.startsWith("https://")) {
            problems.add("--referer takes an http(s) URL, not \"" + referer + "\"");
        } else if (referer != null && hasUserInfo(referer)) {
            // Not quoted back: the user-info holds a password.
            problems.add("--referer must not carry a user name or password (user:password@): browsers never send"
                    + " them in a Referer, and the server would see them; give the page's address without them");
        }
        boolean blankAgentHeader = headers.stream().anyMatch(h -> h.matches("(?is)\\s*user-agent\\s*:\\s*"));
        if (userAgent != null && userAgent.isBlank() || blankAgentHeader) {
            // curl sends no User-Agent then; Java's HTTP client cannot leave it out (it would send its own).
            problems.add("an empty User-Agent cannot be sent without one: Java's HTTP client would add its own;"
                    + " give a User-Agent with -A, or leave -A out for Ferry's (" + app.ferry.engine.FerryBuild.userAgent() + ")");
        }
        Optional<RequestOptions> options = problems.size() > before ? Optional.empty()
                : problems.check(() -> new RequestOptions(parsed, userAgent, referer, jar).requireSendable());
        return problems.size() > before ? Optional.empty() : options;
    }
}
