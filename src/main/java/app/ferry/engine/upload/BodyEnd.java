package app.ferry.engine.upload;

/**
 * Told when a request body has been handed to the HTTP client whole, and when a new subscription
 * starts it again (a 307/308 or the client's own retry). Progress counts bytes handed over, so
 * "whole" means every byte is with the client, not that the server has it or accepted it: the
 * task waits for the server's answer from then on.
 */
@FunctionalInterface
public interface BodyEnd {

    /** For bodies whose end nobody shows. */
    BodyEnd NONE = whole -> {
    };

    /**
     * @param whole true right after the last byte was handed over (before the publisher completes);
     *     false when the body starts again from its first byte
     */
    void handedOver(boolean whole);
}
