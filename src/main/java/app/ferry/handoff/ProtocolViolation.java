package app.ferry.handoff;

/** A request that is refused as a whole, with the code and the message of the error reply. */
final class ProtocolViolation extends Exception {

    private final ErrorCode code;

    ProtocolViolation(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
