package app.ferry.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The native-messaging host's loop: read a framed message, check it, hand it on, answer. The
 * browser starts one host process per {@code sendNativeMessage} (or per port) and closes stdin
 * when done; the host then ends.
 *
 * <p>Nothing reaches the {@link HostForwarder} unless the caller is an allowed extension and the
 * message passed {@link HostRequests}. After a frame that is too large or cut short the stream
 * cannot be trusted (the next length would be read from inside a body), so the host answers once
 * and stops. The log (the browser's stderr) gets error codes only: message contents may hold cookies.
 */
final class NativeHost {

    /** Far above an honest request (a few KiB), far below Chrome's 4 GB, so a hostile length costs nothing. */
    static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    private final Optional<CallerOrigin> caller;
    private final AllowedExtensions allowed;
    private final HostForwarder forwarder;
    private final String ferryVersion;
    private final PrintStream log;
    private final HostRequests requests = new HostRequests();
    private final ObjectMapper json = new ObjectMapper();

    NativeHost(Optional<CallerOrigin> caller, AllowedExtensions allowed, HostForwarder forwarder, String ferryVersion, PrintStream log) {
        this.caller = caller;
        this.allowed = allowed;
        this.forwarder = forwarder;
        this.ferryVersion = ferryVersion;
        this.log = log;
    }

    /** Serves messages until the browser closes the stream; returns the process exit code. */
    int run(InputStream in, OutputStream out) throws IOException {
        while (true) {
            byte[] message;
            try {
                Optional<byte[]> next = NativeFrames.read(in, MAX_MESSAGE_BYTES);
                if (next.isEmpty()) {
                    return 0;
                }
                message = next.get();
            } catch (HostProtocolException e) {
                reply(out, error(e));
                return 1;
            }
            reply(out, answer(message));
        }
    }

    private ObjectNode answer(byte[] message) {
        if (!allowed.allows(caller)) {
            // Checked before parsing: a stranger's message is not even looked at.
            return error(new HostProtocolException("forbidden-origin", caller
                    .map(c -> "The extension " + c.extensionId() + " may not use Ferry's host; only Ferry's own extension may.")
                    .orElse("The host was started without a browser's caller id; browsers start it, not people.")));
        }
        HostRequest request;
        try {
            request = requests.parse(message);
        } catch (HostProtocolException e) {
            return error(e);
        }
        return switch (request) {
            case HostRequest.Ping ping -> reply("pong").put("ferryVersion", ferryVersion).put("windowRunning", forwarder.windowRunning());
            case HostRequest.Download download -> forward(download.downloads());
        };
    }

    private ObjectNode forward(List<BrowserDownload> downloads) {
        ForwardReply answer;
        try {
            answer = forwarder.forward(downloads);
        } catch (IOException e) {
            log.println("ferry-host: could not reach Ferry: " + e.getClass().getSimpleName());
            return reply("rejected").put("message", "Could not reach Ferry: " + e.getMessage());
        }
        return reply(answer.accepted() ? "accepted" : "rejected").put("count", downloads.size()).put("message", answer.message());
    }

    private ObjectNode error(HostProtocolException e) {
        log.println("ferry-host: refused a message: " + e.code());
        return reply("error").put("code", e.code()).put("message", e.getMessage());
    }

    private ObjectNode reply(String type) {
        return json.createObjectNode().put("v", HostRequests.VERSION).put("type", type);
    }

    private void reply(OutputStream out, ObjectNode reply) throws IOException {
        NativeFrames.write(out, json.writeValueAsBytes(reply));
    }
}
