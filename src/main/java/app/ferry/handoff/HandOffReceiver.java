package app.ferry.handoff;

/**
 * The window's side of the channel: takes a validated {@link HandOff}. Called on a connection's
 * virtual thread, one hand-off at a time per connection; it may block until the window has taken
 * the downloads (the client waits for the answer).
 */
@FunctionalInterface
public interface HandOffReceiver {

    /**
     * Adds the downloads and brings the window to the front if asked.
     *
     * @throws HandOffUnavailableException when the window cannot take them now (closing, not answering)
     */
    Receipt receive(HandOff handOff) throws HandOffUnavailableException;
}
