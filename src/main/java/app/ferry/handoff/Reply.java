package app.ferry.handoff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Every answer on the channel, one per request. {@code type} says which fields are set:
 * {@code accepted} ({@code added}, {@code rejected}), {@code pong} ({@code pid}, {@code ferryVersion}),
 * {@code error} ({@code error}, {@code message}, and {@code supportedVersions} for a version refusal).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reply(int version, String type, List<String> added, List<Receipt.Rejection> rejected,
                    String error, String message, List<Integer> supportedVersions, Long pid, String ferryVersion) {

    public static final String ACCEPTED = "accepted";
    public static final String PONG = "pong";
    public static final String ERROR = "error";

    static Reply accepted(Receipt receipt) {
        return new Reply(HandOffProtocol.VERSION, ACCEPTED, receipt.added(), receipt.rejected(), null, null, null, null, null);
    }

    static Reply pong(long pid, String ferryVersion) {
        return new Reply(HandOffProtocol.VERSION, PONG, null, null, null, null, null, pid, ferryVersion);
    }

    static Reply error(ErrorCode code, String message) {
        return new Reply(HandOffProtocol.VERSION, ERROR, null, null, code.wireName(), message,
                code == ErrorCode.UNSUPPORTED_VERSION ? HandOffProtocol.SUPPORTED_VERSIONS : null, null, null);
    }

    @JsonIgnore
    public boolean isError() {
        return ERROR.equals(type);
    }

    /** The receipt of an {@code accepted} reply. */
    @JsonIgnore
    public Receipt receipt() {
        return new Receipt(added == null ? List.of() : added, rejected == null ? List.of() : rejected);
    }
}
