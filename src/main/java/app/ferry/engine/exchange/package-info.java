/**
 * The one HTTP exchange every transfer goes through: {@link app.ferry.engine.exchange.RequestBuilder}
 * turns an {@link app.ferry.engine.exchange.ExchangeRequest} into a request (method, URI,
 * headers, credentials, range), {@link app.ferry.engine.exchange.Exchange} sends it and follows
 * redirects by {@link app.ferry.engine.transfer.Redirects}' origin rules, {@link
 * app.ferry.engine.exchange.Answers} reads what an answer asks for (a 401 challenge, {@code
 * Retry-After}, a sound {@code Content-Length}), and {@link app.ferry.engine.exchange.RangeCheck}
 * with {@link app.ferry.engine.exchange.Validators} checks a ranged answer before a byte of it is
 * written.
 *
 * <p>Downloads, segments and uploads keep only what is theirs (what to ask, what to write, what
 * to save); nothing here writes files or saves state. Modelled on OkHttp 3.14's
 * {@code BridgeInterceptor} and {@code RetryAndFollowUpInterceptor}: each concern once, as plain
 * method calls.
 */
package app.ferry.engine.exchange;
