package app.ferry.ui.settings;

/** How the window reaches servers. */
public enum ProxyMode {
    /** Always straight to the server, whatever the environment says. */
    NONE,
    /** As curl does: {@code http_proxy}, {@code https_proxy}, {@code all_proxy}, {@code no_proxy}. */
    ENVIRONMENT,
    /** The HTTP proxy given in the settings. */
    MANUAL
}
