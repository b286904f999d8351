package app.ferry.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs a {@link NativeHost} over bytes as a browser would write them, and reads its framed replies back. */
final class HostConversation {

    static final List<String> CHROMIUM_ARGS = List.of("chrome-extension://" + AllowedExtensions.FERRY_CHROMIUM_ID + "/");

    final RecordingForwarder forwarder = new RecordingForwarder();
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    int exitCode;

    /** Frames each JSON text as the browser does. */
    static byte[] frames(String... messages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String message : messages) {
            bytes.writeBytes(frame(message.getBytes(StandardCharsets.UTF_8)));
        }
        return bytes.toByteArray();
    }

    static byte[] frame(byte[] body) {
        return concat(length(body.length), body);
    }

    static byte[] length(long n) {
        return new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)};
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    List<JsonNode> run(List<String> args, byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NativeHost host = new NativeHost(CallerOrigin.fromArguments(args), AllowedExtensions.ferry(), forwarder, "9.8.7",
                new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            exitCode = host.run(new ByteArrayInputStream(input), out);
            List<JsonNode> replies = new ArrayList<>();
            ByteArrayInputStream written = new ByteArrayInputStream(out.toByteArray());
            ObjectMapper json = new ObjectMapper();
            for (Optional<byte[]> reply = NativeFrames.read(written, NativeFrames.MAX_REPLY_BYTES); reply.isPresent();
                    reply = NativeFrames.read(written, NativeFrames.MAX_REPLY_BYTES)) {
                replies.add(json.readTree(reply.get()));
            }
            return replies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (HostProtocolException e) {
            throw new AssertionError("The host wrote a reply that is not a whole frame: " + e.getMessage(), e);
        }
    }

    List<JsonNode> run(byte[] input) {
        return run(CHROMIUM_ARGS, input);
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }
}
