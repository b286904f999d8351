package app.ferry.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every upload command shares: those of any transfer, and what to do with the server's answer. */
final class UploadOptions {

    @Mixin
    TransferOptions transfer;

    @Option(names = "--print-response", description = "Print the server's response body on stdout.")
    boolean printResponse;
}
