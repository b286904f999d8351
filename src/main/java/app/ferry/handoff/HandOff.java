package app.ferry.handoff;

import java.util.List;

/**
 * What a second start hands to the running window, after validation: downloads to add (maybe
 * none) and whether to bring the window to the front.
 */
public record HandOff(List<Download> downloads, boolean bringToFront) {

    public HandOff {
        downloads = List.copyOf(downloads);
    }
}
