package app.ferry.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Prints help in the layout of curl's and git's: the usage line, the description, then one row
 * per option with its description wrapped beside it. (commons-cli's own formatter draws a table
 * with a header row and padded cells, which reads worse in a terminal.)
 */
final class Help {

    private static final int WIDTH = 100;

    private Help() {
    }

    static void print(PrintWriter out, String usage, List<String> description, Options options, List<String> footer) {
        out.println("Usage: " + usage);
        description.forEach(out::println);
        out.println();
        out.println("Options:");
        List<String> labels = new ArrayList<>();
        for (Option option : options.getOptions()) {
            labels.add(label(option));
        }
        int column = labels.stream().mapToInt(String::length).max().orElse(0) + 4;
        int i = 0;
        for (Option option : options.getOptions()) {
            table(out, "  " + labels.get(i++), column + 2, option.getDescription());
        }
        footer.forEach(out::println);
        out.flush();
    }

    /** A two-column row: {@code left}, then {@code text} wrapped in the column from {@code indent}. */
    static void table(PrintWriter out, String left, int indent, String text) {
        StringBuilder line = new StringBuilder(left);
        for (String word : text.split(" ")) {
            if (line.length() < indent) {
                line.append(" ".repeat(indent - line.length()));
            } else if (line.length() + 1 + word.length() > WIDTH && line.length() > indent) {
                out.println(line);
                line.setLength(0);
                line.append(" ".repeat(indent));
            } else {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }

    /** {@code -x, --long=VALUE}, or {@code     --long} for an option without a short name. */
    private static String label(Option option) {
        String names = option.getOpt() != null && option.getLongOpt() != null && !option.getOpt().equals(option.getLongOpt())
                ? "-" + option.getOpt() + ", --" + option.getLongOpt()
                : "    --" + option.getLongOpt();
        return option.hasArg() ? names + "=" + option.getArgName() : names;
    }
}
