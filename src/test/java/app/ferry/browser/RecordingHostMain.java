package app.ferry.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * The real {@link NativeHost} as a browser starts it, with a forwarder that appends what it
 * receives to a file (the first argument) instead of reaching a Ferry window: the end-to-end
 * test's stand-in until the single-instance hand-off is merged. The rest are the browser's arguments.
 */
public final class RecordingHostMain {

    private RecordingHostMain() {
    }

    public static void main(String[] args) throws IOException {
        Path record = Path.of(args[0]);
        List<String> browserArgs = Arrays.asList(args).subList(1, args.length);
        ObjectMapper json = new ObjectMapper();
        HostForwarder forwarder = new HostForwarder() {
            @Override
            public boolean windowRunning() {
                return true;
            }

            @Override
            public ForwardReply forward(List<BrowserDownload> downloads) throws IOException {
                for (BrowserDownload d : downloads) {
                    ObjectNode line = json.createObjectNode().put("url", d.url().toString()).put("cookie", d.cookieHeader())
                            .put("referer", String.valueOf(d.referer())).put("pageUrl", String.valueOf(d.pageUrl()))
                            .put("userAgent", d.userAgent()).put("suggestedName", d.suggestedName())
                            .put("caller", String.join(" ", browserArgs));
                    Files.writeString(record, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                return ForwardReply.accepted("Recorded " + downloads.size());
            }
        };
        NativeHost host = new NativeHost(CallerOrigin.fromArguments(browserArgs), AllowedExtensions.ferry(), forwarder,
                "e2e-test", System.err);
        System.exit(host.run(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out)));
    }
}
