package app.ferry.ui.auto;

import app.ferry.ui.filter.TaskCategory;
import java.net.URI;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Clipboard monitoring (off unless the settings turn it on): a copied http(s) link to a file of a
 * type worth downloading (by its extension, the sidebar's types) is offered, once, until the
 * user answers Download or Ignore; nothing is ever downloaded unasked. Told the clipboard's text
 * by a slow poll on the FX thread ({@link #seen}); FX thread only.
 */
public final class ClipboardWatch {

    private final BooleanSupplier enabled;
    private final Predicate<String> alreadyListed;
    private final ReadOnlyStringWrapper offer = new ReadOnlyStringWrapper(this, "offer");
    /** The text seen last: the same clipboard is offered once, not at every poll. */
    private String lastText;

    public ClipboardWatch(BooleanSupplier enabled, Predicate<String> alreadyListed) {
        this.enabled = enabled;
        this.alreadyListed = alreadyListed;
    }

    /** The clipboard's text now (null when it holds none). */
    public void seen(String text) {
        if (text == null || text.equals(lastText)) {
            return;
        }
        lastText = text;
        if (!enabled.getAsBoolean()) {
            return;
        }
        String candidate = text.strip();
        if (isDownloadableLink(candidate) && !alreadyListed.test(candidate)) {
            offer.set(candidate);
        }
    }

    /** One http(s) link, nothing else, whose path ends in a known file type. */
    static boolean isDownloadableLink(String text) {
        if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String path = uri.getPath();
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && path != null
                    && TaskCategory.typeOf(path.substring(path.lastIndexOf('/') + 1)) != null;
        } catch (java.net.URISyntaxException e) {
            return false; // Not a link: nothing to offer.
        }
    }

    /** The user answered (Download or Ignore): the offer goes. */
    public void answered() {
        offer.set(null);
    }

    /** The link on offer, or null. */
    public ReadOnlyStringProperty offerProperty() {
        return offer.getReadOnlyProperty();
    }
}
