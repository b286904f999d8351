package app.ferry.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible strings of one language. Bundles are UTF-8 properties files; a missing key
 * shows as {@code !key!} instead of failing, and a test keeps the bundles' key sets equal.
 */
public final class I18n {

    public static final String BUNDLE = "app.ferry.ui.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private I18n(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * The bundle for {@code languageTag} ("en", "zh-CN"), or for the system locale when it is
     * null, blank or "system". Never falls back to the default locale's bundle: asking for English
     * on a Chinese system gives English.
     */
    public static I18n forLanguage(String languageTag) {
        Locale locale = languageTag == null || languageTag.isBlank() || languageTag.equals("system")
                ? Locale.getDefault()
                : Locale.forLanguageTag(languageTag);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Locale effective = bundle.getLocale() == null || bundle.getLocale().getLanguage().isEmpty()
                ? Locale.ENGLISH : bundle.getLocale();
        return new I18n(bundle, effective);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** The message for {@code key} with {@link MessageFormat} arguments. */
    public String get(String key, Object... args) {
        MessageFormat format = new MessageFormat(get(key), locale);
        return format.format(args);
    }
}
