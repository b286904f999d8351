package app.ferry.browser;

import java.util.Optional;
import java.util.Set;

/**
 * The extensions the host serves. The browser already refuses to start the host for an
 * extension its manifest does not list; the host checks again because its manifest is a file a
 * user (or another program) may edit.
 */
record AllowedExtensions(Set<String> chromiumIds, Set<String> firefoxIds) {

    /**
     * The id of Ferry's extension in Chromium and Chrome: fixed by the public key in the extension
     * manifest's {@code key} (SHA-256 of the DER key, first 32 hex digits mapped 0-f to a-p). The
     * key is a test key whose private half was thrown away; a store build would get its own id.
     */
    static final String FERRY_CHROMIUM_ID = "pfclofcjdekpalioejjmckmiglbpbfdc";
    /** The add-on id in the extension's {@code browser_specific_settings.gecko.id}. */
    static final String FERRY_FIREFOX_ID = "ferry-extension@ferry.app";

    AllowedExtensions {
        chromiumIds = Set.copyOf(chromiumIds);
        firefoxIds = Set.copyOf(firefoxIds);
    }

    static AllowedExtensions ferry() {
        return new AllowedExtensions(Set.of(FERRY_CHROMIUM_ID), Set.of(FERRY_FIREFOX_ID));
    }

    boolean allows(Optional<CallerOrigin> caller) {
        return caller.map(c -> (c.firefox() ? firefoxIds : chromiumIds).contains(c.extensionId())).orElse(false);
    }
}
