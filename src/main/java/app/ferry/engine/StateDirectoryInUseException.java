package app.ferry.engine;

import java.io.IOException;

/** Another Ferry process owns the state directory; two writers would corrupt it. */
public final class StateDirectoryInUseException extends IOException {

    public StateDirectoryInUseException(String message) {
        super(message);
    }
}
