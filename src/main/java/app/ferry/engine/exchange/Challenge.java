package app.ferry.engine.exchange;

/**
 * A 401's {@code WWW-Authenticate} challenge, as far as Ferry uses it: the realm to name when it
 * asks for a password.
 *
 * @param realm the realm, or null when the challenge names none
 */
public record Challenge(String realm) {

    static Challenge parse(String header) {
        String realm = header.replaceFirst("(?i)^.*realm=\"([^\"]*)\".*$", "$1");
        return new Challenge(realm.equals(header) ? null : realm);
    }

    /** " (realm \"x\")", or "" without a realm: for messages. */
    public String describe() {
        return realm == null ? "" : " (realm \"" + realm + "\")";
    }
}
