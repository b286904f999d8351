package app.ferry.cli;

/** Process exit codes of the command line, documented in {@code ferry --help}. */
final class ExitCode {

    static final int OK = 0;
    /** At least one transfer failed, or waits for something (credentials) the user did not give. */
    static final int TRANSFER_FAILED = 1;
    /** The command line itself was wrong: nothing was started. */
    static final int USAGE = 2;
    /** Another process holds the state directory, or it cannot be used. */
    static final int STATE_UNAVAILABLE = 3;
    /** Stopped by Ctrl+C: every transfer was paused and can be resumed. */
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
