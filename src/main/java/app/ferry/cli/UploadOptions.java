package app.ferry.cli;

import org.apache.commons.cli.Options;

/** Options every upload command shares: those of any transfer, and what to do with the server's answer. */
record UploadOptions(TransferOptions transfer, boolean printResponse) {

    static void addTo(Options options) {
        TransferOptions.addTo(options);
        options.addOption(CliOptions.flag(null, "print-response", "Print the server's response body on stdout."));
    }

    static UploadOptions of(Arguments arguments) {
        return new UploadOptions(TransferOptions.of(arguments), arguments.has("print-response"));
    }
}
