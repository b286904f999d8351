package app.ferry.handoff;

import java.util.List;

/**
 * The window's answer to a hand-off: the URLs it added and the ones it refused, with the reason
 * (already in the queue, a folder it cannot write to…).
 */
public record Receipt(List<String> added, List<Rejection> rejected) {

    public Receipt {
        added = List.copyOf(added);
        rejected = List.copyOf(rejected);
    }

    public record Rejection(String url, String reason) {
    }
}
