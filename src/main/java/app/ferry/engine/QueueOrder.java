package app.ferry.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queue's order: where moved tasks go, and the order keys that keep it across restarts. Keys
 * are spaced {@value #GAP} apart, so a move usually changes the keys of the moved tasks only (a
 * key between its new neighbours'); only when no key fits, or the keys are not yet in order
 * (records of earlier versions all say 0), is every task renumbered, once.
 */
final class QueueOrder {

    static final long GAP = 1024;

    private QueueOrder() {
    }

    /** The tasks in their new order, and the new key of each task whose key changes. */
    record Moved(List<TaskRuntime> order, Map<TaskRuntime, Long> keys) {
    }

    static Moved move(List<TaskRuntime> all, Collection<TaskId> ids, QueuePosition position) {
        Set<TaskId> chosen = new HashSet<>(ids);
        List<TaskRuntime> order = arrange(all, chosen, position);
        Map<TaskRuntime, Long> keys = new IdentityHashMap<>();
        long[] next = new long[order.size()];
        for (int i = 0; i < order.size(); i++) {
            next[i] = order.get(i).record().order();
        }
        if (!fit(order, chosen, next) ) {
            for (int i = 0; i < order.size(); i++) {
                next[i] = (i + 1) * GAP;
            }
        }
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).record().order() != next[i]) {
                keys.put(order.get(i), next[i]);
            }
        }
        return new Moved(order, keys);
    }

    /** The new sequence: chosen tasks keep their relative order. */
    private static List<TaskRuntime> arrange(List<TaskRuntime> all, Set<TaskId> chosen, QueuePosition position) {
        List<TaskRuntime> moved = all.stream().filter(r -> chosen.contains(r.id())).toList();
        List<TaskRuntime> rest = all.stream().filter(r -> !chosen.contains(r.id())).toList();
        List<TaskRuntime> order = new ArrayList<>(all);
        switch (position) {
            case TOP -> {
                order.clear();
                order.addAll(moved);
                order.addAll(rest);
            }
            case BOTTOM -> {
                order.clear();
                order.addAll(rest);
                order.addAll(moved);
            }
            // Each chosen task swaps with the unchosen one before (after) it; a block moves as one.
            case UP -> {
                for (int i = 1; i < order.size(); i++) {
                    if (chosen.contains(order.get(i).id()) && !chosen.contains(order.get(i - 1).id())) {
                        order.add(i - 1, order.remove(i));
                    }
                }
            }
            case DOWN -> {
                for (int i = order.size() - 2; i >= 0; i--) {
                    if (chosen.contains(order.get(i).id()) && !chosen.contains(order.get(i + 1).id())) {
                        order.add(i + 1, order.remove(i));
                    }
                }
            }
        }
        return order;
    }

    /**
     * Gives each chosen task a key between its neighbours', left to right, keeping the others';
     * false when the others' keys are out of order or no key fits.
     */
    private static boolean fit(List<TaskRuntime> order, Set<TaskId> chosen, long[] keys) {
        long previous = Long.MIN_VALUE;
        boolean hasPrevious = false;
        for (int i = 0; i < order.size(); i++) {
            if (chosen.contains(order.get(i).id())) {
                int j = i + 1;
                while (j < order.size() && chosen.contains(order.get(j).id())) {
                    j++;
                }
                // Room for the run i..j-1 between previous and the next unchosen key.
                int run = j - i;
                long low = hasPrevious ? previous : (j < order.size() ? keys[j] : 0) - (run + 1) * GAP;
                long high = j < order.size() ? keys[j] : low + (run + 1) * GAP;
                long step = (high - low) / (run + 1);
                if (step < 1) {
                    return false;
                }
                for (int k = 0; k < run; k++) {
                    keys[i + k] = low + step * (k + 1);
                }
                i = j - 1;
                previous = keys[j - 1];
            } else {
                if (hasPrevious && keys[i] <= previous) {
                    return false;
                }
                previous = keys[i];
            }
            hasPrevious = true;
        }
        return true;
    }
}
