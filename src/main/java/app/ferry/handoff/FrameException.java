package app.ferry.handoff;

/** A frame that cannot be read: after it the stream is out of step, so the connection is closed. */
final class FrameException extends Exception {

    private final ErrorCode code;

    FrameException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
