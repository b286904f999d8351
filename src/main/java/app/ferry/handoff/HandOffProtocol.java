package app.ferry.handoff;

import java.util.List;

/**
 * The fixed numbers of the hand-off protocol: its version and the size limits a message must
 * keep to. A change to what a message may hold is a new version; a peer that does not speak the
 * requested version answers {@link ErrorCode#UNSUPPORTED_VERSION} with the ones it speaks.
 */
public final class HandOffProtocol {

    /** The version this build speaks, and the only one it accepts. */
    public static final int VERSION = 1;
    public static final List<Integer> SUPPORTED_VERSIONS = List.of(VERSION);

    /**
     * Largest frame either side reads: 1 MiB, the limit Chromium puts on a native-messaging host's
     * message to the browser, so a reply always fits through the host of issue 15 item 2. A list of
     * URLs larger than this is sent in several requests ({@link #MAX_DOWNLOADS} each).
     */
    public static final int MAX_MESSAGE_BYTES = 1 << 20;

    /** Downloads in one request; the client splits longer lists. */
    public static final int MAX_DOWNLOADS = 1000;

    /** Longest URL (also Referer and page URL) taken; browsers cap their address bars near here (Chromium 2 MiB, but servers ~8 KiB). */
    public static final int MAX_URL_CHARS = 8192;

    /** Headers on one download, and the longest value of one (cookies included). */
    public static final int MAX_HEADERS = 64;
    public static final int MAX_HEADER_CHARS = 16384;

    /** Longest suggested file name (most file systems allow 255 bytes). */
    public static final int MAX_NAME_CHARS = 255;

    private HandOffProtocol() {
    }
}
