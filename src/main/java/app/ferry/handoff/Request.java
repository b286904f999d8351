package app.ferry.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A request as it is on the wire, before validation: {@code {"version":1,"type":"hand-off",
 * "downloads":[{"url":…}],"bringToFront":true}} or {@code {"version":1,"type":"ping"}}. Boxed
 * fields so that a missing one is told apart from a zero.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Request(Integer version, String type, List<Download> downloads, Boolean bringToFront) {

    public static final String HAND_OFF = "hand-off";
    public static final String PING = "ping";

    public static Request handOff(List<Download> downloads, boolean bringToFront) {
        return new Request(HandOffProtocol.VERSION, HAND_OFF, downloads, bringToFront);
    }

    public static Request ping() {
        return new Request(HandOffProtocol.VERSION, PING, null, null);
    }
}
