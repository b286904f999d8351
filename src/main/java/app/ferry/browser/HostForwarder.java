package app.ferry.browser;

import java.io.IOException;
import java.util.List;

/**
 * Where the native-messaging host sends what the extension asked for: the running Ferry window.
 * The host calls it only with requests that passed every check (allowed extension, size,
 * version, http(s) URLs), so an implementation never sees hostile input.
 *
 * <p>The implementation is the single-instance hand-off client (a Unix-domain socket in Ferry's
 * data folder, a named pipe on Windows), which starts the window when none runs.
 */
public interface HostForwarder {

    /** Whether a Ferry window runs for this user now; a download would start one if not. */
    boolean windowRunning();

    /**
     * Hands the downloads to Ferry and waits for its answer.
     *
     * @throws IOException when Ferry could not be reached or started; the extension then keeps
     *                     the browser's own download
     */
    ForwardReply forward(List<BrowserDownload> downloads) throws IOException;
}
