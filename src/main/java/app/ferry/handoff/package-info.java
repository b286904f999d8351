/**
 * One running Ferry: the local channel over which a second start (the window, {@code ferry add},
 * later the browser's native-messaging host) hands its downloads to the Ferry window that already
 * runs for the same user, instead of opening a second window on the same queue.
 *
 * <p>The channel is a Unix-domain socket in an owner-only folder of Ferry's data folder (no TCP
 * port). Each message is a 4-byte big-endian length followed by that many bytes of UTF-8 JSON,
 * at most {@link app.ferry.handoff.HandOffProtocol#MAX_MESSAGE_BYTES}; every request names its
 * protocol version and gets exactly one reply. Anything malformed gets an error reply and never
 * reaches the {@link app.ferry.handoff.HandOffReceiver}. See docs/decisions/0008.
 *
 * <p>This package knows nothing of JavaFX, the window or the command line: the window plugs in a
 * receiver, the command line uses the client.
 */
package app.ferry.handoff;
