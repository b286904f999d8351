package app.ferry.browser;

import java.util.List;

/** A validated message from the extension (protocol version 1). */
sealed interface HostRequest {

    /** {@code {"v":1,"type":"ping"}}: is Ferry there, which version, does its window run? */
    record Ping() implements HostRequest {
    }

    /** {@code {"v":1,"type":"download","downloads":[...]}}: hand these to Ferry. */
    record Download(List<BrowserDownload> downloads) implements HostRequest {

        public Download {
            downloads = List.copyOf(downloads);
        }
    }
}
