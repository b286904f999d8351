package app.ferry.cli;

import picocli.CommandLine.Option;

/** Options every upload command shares. */
final class UploadOptions {

    @Option(names = {"-u", "--user"}, paramLabel = "USER:PASSWORD", description = "HTTP Basic credentials (kept in memory only).")
    String user;

    @Option(names = "--print-response", description = "Print the server's response body on stdout.")
    boolean printResponse;
}
