package app.ferry.cli;

import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Progress on stderr: a live line redrawn in place on a terminal, a plain line every few
 * seconds otherwise (logs and CI), so output stays readable in both.
 */
final class ProgressPrinter {

    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private long lastPlainNanos;
    private int lastWidth;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
        this.lastPlainNanos = System.nanoTime();
    }

    /**
     * @param running the tasks running now
     * @param settled how many of the run's tasks are done (or stopped for good)
     * @param total how many tasks the run waits for
     */
    void show(List<TaskSnapshot> running, int settled, int total) {
        if (running.isEmpty()) {
            return;
        }
        if (terminal) {
            String line = (total > 1 ? settled + "/" + total + " done  " : "")
                    + (running.size() == 1 ? describe(running.getFirst()) : summary(running));
            int pad = Math.max(0, lastWidth - line.length());
            err.print("\r" + line + " ".repeat(pad));
            err.flush();
            lastWidth = line.length();
        } else if (System.nanoTime() - lastPlainNanos >= PLAIN_INTERVAL_NANOS) {
            lastPlainNanos = System.nanoTime();
            running.forEach(t -> err.println(describe(t)));
            err.flush();
        }
    }

    /** Ends a live line before other output is printed below it. */
    void breakLine() {
        if (terminal && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }

    /**
     * One task's line. A running task never reads 100 % or a full bar: with every byte moved it is
     * still not done (an upload waits for the server's answer, which may refuse it; a download is
     * checked and moved into place). An upload waiting for that answer says so instead of a speed.
     */
    static String describe(TaskSnapshot task) {
        double fraction = task.fraction();
        boolean running = task.state() == TaskState.RUNNING;
        String percent = fraction < 0 ? "  ?%" : String.format(Locale.ROOT, "%3d%%",
                (int) (fraction * 100) - (running && fraction >= 1 ? 1 : 0));
        String line = String.format(Locale.ROOT, "%s %s %s / %s  ", bar(fraction, running), percent,
                Formats.bytes(task.bytesDone()), Formats.bytes(task.totalBytes()));
        line += task.awaitingResponse() ? "sent, waiting for the server's answer"
                : String.format(Locale.ROOT, "%s  ETA %s", Formats.speed(task.bytesPerSecond()),
                        Formats.duration(task.etaSeconds()));
        return line + "  " + TerminalText.safe(task.name());
    }

    private static String summary(List<TaskSnapshot> running) {
        long done = running.stream().mapToLong(TaskSnapshot::bytesDone).sum();
        long speed = running.stream().mapToLong(TaskSnapshot::bytesPerSecond).sum();
        long waiting = running.stream().filter(TaskSnapshot::awaitingResponse).count();
        return running.size() + " transfers  " + Formats.bytes(done) + "  " + Formats.speed(speed)
                + (waiting > 0 ? "  " + waiting + " waiting for the server's answer" : "");
    }

    private static String bar(double fraction, boolean running) {
        int width = 20;
        int filled = fraction < 0 ? 0 : (int) Math.round(fraction * width);
        if (running) {
            // The last cell fills when the task is done, not when its last byte moved.
            filled = Math.min(filled, width - 1);
        }
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
    }
}
