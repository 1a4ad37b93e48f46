package dev.scorecard.crm.activate;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.spec.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook that messages are posted to, read from YAML:
 * <pre>{@code
 * url: https://crm.example.com/hooks/activation
 * auth: {header: Authorization, env: CRM_TOKEN}   # the header's value is the variable's, never the file's
 * timeouts: {connect: 2s, read: 10s}
 * retries: {attempts: 5, backoff: 1s, max: 60s}
 * }</pre>
 * Credentials in the URL ({@code https://user:pass@host/...}) are sent as HTTP Basic
 * authentication, not in the address. {@link #toString()} and {@link #describe()} never show a
 * secret; the accessors {@link #url()} and {@link #auth()} do (sending needs them), so print the
 * former.
 *
 * @param url the webhook's http or https address, credentials included as written
 * @param auth the header that carries a secret, if any
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout how long to wait for a response once the request is sent
 * @param retries how often and how long to retry
 */
public record Endpoint(URI url, Optional<Auth> auth, Duration connectTimeout, Duration readTimeout, Retries retries) {
    /** The default connect timeout. */
    public static final Duration CONNECT = Duration.ofSeconds(2);
    /** The default read timeout. */
    public static final Duration READ = Duration.ofSeconds(10);
    private static final List<String> KEYS = List.of("url", "auth", "timeouts", "retries");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+"); // RFC 9110 field name

    /**
     * A secret header: its name and its value, taken from an environment variable.
     *
     * @param header the header's name, e.g. {@code Authorization}
     * @param env the environment variable that held the value
     * @param value the header's value
     */
    public record Auth(String header, String env, String value) {
        /** Checks the header's name and that there is a value. */
        public Auth {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(env, "env");
            Objects.requireNonNull(value, "value");
            if (!TOKEN.matcher(header).matches()) {
                throw new IllegalArgumentException("'" + header + "' is not a header name");
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("the " + header + " header's value is empty");
            }
        }

        /** @return the header with its value masked: {@code Authorization: ***} */
        @Override
        public String toString() {
            return header + ": ***";
        }
    }

    /**
     * How failed deliveries are retried: after the n-th failed try the wait is drawn uniformly from 0
     * to {@code min(max, backoff × 2^(n−1))} (full jitter), or is the response's {@code Retry-After}
     * seconds capped at {@code max}.
     *
     * @param attempts how many tries in all before a message is a dead letter, 1 to 100
     * @param backoff the first wait's ceiling
     * @param max the longest wait
     */
    public record Retries(int attempts, Duration backoff, Duration max) {
        /** The defaults: 5 attempts, 1 s backoff, 60 s at most. */
        public static final Retries DEFAULTS = new Retries(5, Duration.ofSeconds(1), Duration.ofSeconds(60));

        /** Checks the bounds. */
        public Retries {
            if (attempts < 1 || attempts > 100) {
                throw new IllegalArgumentException("attempts " + attempts + " is outside 1 to 100");
            }
            if (backoff.isNegative()) {
                throw new IllegalArgumentException("backoff " + backoff + " is below 0");
            }
            if (max.compareTo(backoff) < 0) {
                throw new IllegalArgumentException("max " + text(max) + " is below backoff " + text(backoff));
            }
        }

        /**
         * @param failures the tries that failed so far, at least 1
         * @return the most the wait after them may be: {@code min(max, backoff × 2^(failures−1))}
         */
        public Duration ceiling(int failures) {
            long ms = backoff.toMillis();
            for (int i = 1; i < failures && ms < max.toMillis(); i++) {
                ms *= 2;
            }
            return Duration.ofMillis(Math.min(ms, max.toMillis()));
        }
    }

    /**
     * Checks the address and the timeouts.
     *
     * @throws IllegalArgumentException when the address is not absolute http or https with a host, or
     *     holds credentials and an auth header both
     */
    public Endpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(retries, "retries");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the url's scheme is '" + scheme + "', not http or https");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("the url " + mask(url) + " has no host");
        }
        if (url.getRawUserInfo() != null && auth.isPresent()) {
            throw new IllegalArgumentException("the url holds credentials and auth names a header: give one of them");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be above 0");
        }
    }

    /**
     * @param url an http or https address
     * @return an endpoint without auth and with the default timeouts and retries
     */
    public static Endpoint of(String url) {
        return new Endpoint(URI.create(url), Optional.empty(), CONNECT, READ, Retries.DEFAULTS);
    }

    /**
     * Reads an endpoint, taking the auth header's value from the process's environment.
     *
     * @param node a map with the keys {@code url}, {@code auth}, {@code timeouts}, {@code retries}
     * @return the endpoint
     * @throws InputDataException naming the key, its line and what is wrong
     */
    public static Endpoint read(YamlNode node) {
        return read(node, System::getenv);
    }

    /**
     * Reads an endpoint.
     *
     * @param node a map with the keys {@code url}, {@code auth}, {@code timeouts}, {@code retries}
     * @param environment gives an environment variable's value, or null when it is not set
     * @return the endpoint
     * @throws InputDataException naming the key, its line and what is wrong
     */
    public static Endpoint read(YamlNode node, Function<String, String> environment) {
        node.allowOnly(KEYS);
        YamlNode u = node.get("url").orElseThrow(() -> node.error("no 'url': give the webhook's http or https address"));
        URI url;
        try {
            url = new URI(u.text());
        } catch (URISyntaxException e) {
            // e.getMessage() quotes the input, which may hold a password
            throw u.error("not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw u.error("the scheme is '" + scheme + "', not http or https");
        }
        if (url.getHost() == null) {
            throw u.error("no host in " + mask(url));
        }
        Optional<Auth> auth = Optional.empty();
        Optional<YamlNode> a = node.get("auth");
        if (a.isPresent()) {
            YamlNode an = a.get();
            if (an.kind() == YamlNode.Kind.MAP && an.entries().containsKey("value")) {
                throw an.entries().get("value").error("the header's value is never read from the file: name the"
                        + " environment variable that holds it in 'env'");
            }
            an.allowOnly(List.of("header", "env"));
            String header = an.get("header").map(YamlNode::text).orElse("Authorization");
            if (!TOKEN.matcher(header).matches()) {
                throw an.get("header").get().error("'" + header + "' is not a header name");
            }
            YamlNode env = an.get("env").orElseThrow(() -> an.error("no 'env': name the environment variable that"
                    + " holds the " + header + " header's value"));
            String value = environment.apply(env.text());
            if (value == null || value.isEmpty()) {
                throw env.error("the environment variable " + env.text() + " is not set (it holds the " + header
                        + " header's value)");
            }
            if (url.getRawUserInfo() != null) {
                throw an.error("the url holds credentials too: give them in one place");
            }
            auth = Optional.of(new Auth(header, env.text(), value));
        }
        Duration connect = CONNECT;
        Duration read = READ;
        Optional<YamlNode> t = node.get("timeouts");
        if (t.isPresent()) {
            t.get().allowOnly(List.of("connect", "read"));
            connect = t.get().get("connect").map(n -> positive(n)).orElse(CONNECT);
            read = t.get().get("read").map(n -> positive(n)).orElse(READ);
        }
        Retries retries = Retries.DEFAULTS;
        Optional<YamlNode> r = node.get("retries");
        if (r.isPresent()) {
            YamlNode rn = r.get();
            rn.allowOnly(List.of("attempts", "backoff", "max"));
            int attempts = retries.attempts();
            Optional<YamlNode> at = rn.get("attempts");
            if (at.isPresent()) {
                long n = at.get().integer();
                if (n < 1 || n > 100) {
                    throw at.get().error("attempts " + n + " is outside 1 to 100");
                }
                attempts = (int) n;
            }
            Duration backoff = rn.get("backoff").map(Endpoint::duration).orElse(retries.backoff());
            Duration max = rn.get("max").map(n -> positive(n)).orElse(retries.max());
            if (max.compareTo(backoff) < 0) {
                throw rn.get(rn.get("max").isPresent() ? "max" : "backoff").get().error("max " + text(max)
                        + " is below backoff " + text(backoff));
            }
            retries = new Retries(attempts, backoff, max);
        }
        return new Endpoint(url, auth, connect, read, retries);
    }

    /**
     * @param node a duration: a whole number and a unit, {@code ms}, {@code s}, {@code m} or {@code h}
     * @return it
     */
    static Duration duration(YamlNode node) {
        Matcher m = DURATION.matcher(node.text());
        if (!m.matches()) {
            throw node.error("'" + node.text() + "' is not a duration: write a whole number and ms, s, m or h (500ms,"
                    + " 2s, 1m)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static Duration positive(YamlNode node) {
        Duration d = duration(node);
        if (d.isZero()) {
            throw node.error("the duration must be above 0");
        }
        return d;
    }

    /** @return a duration as written in YAML: {@code 1500ms}, {@code 2s}, {@code 1m} */
    static String text(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** @return the address to send to: the url without its credentials */
    URI target() {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        return URI.create(url.getScheme() + "://" + url.getRawAuthority().substring(url.getRawAuthority()
                .lastIndexOf('@') + 1) + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }

    /** @return the headers that carry credentials, as name and value pairs */
    List<String[]> secretHeaders() {
        if (auth.isPresent()) {
            return List.<String[]>of(new String[] {auth.get().header(), auth.get().value()});
        }
        if (url.getRawUserInfo() != null) {
            String user = java.net.URLDecoder.decode(url.getRawUserInfo().replace("+", "%2B"), StandardCharsets.UTF_8);
            return List.<String[]>of(new String[] {"Authorization",
                "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8))});
        }
        return List.of();
    }

    /**
     * @return the endpoint without its secrets: {@code https://***@host/path (Authorization: ***)}, the
     *     query (which may hold a token) shown as {@code ?***}
     */
    public String describe() {
        return mask(url) + auth.map(x -> " (" + x + ")").orElse("");
    }

    /** @return {@link #describe()}: a record's default text would show the secrets */
    @Override
    public String toString() {
        return describe();
    }

    /**
     * @param text any text, e.g. an exception's message
     * @return the text with every secret of this endpoint replaced by {@code ***}
     */
    String mask(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        List<String> secrets = new java.util.ArrayList<>();
        auth.ifPresent(x -> secrets.add(x.value()));
        if (url.getRawUserInfo() != null) {
            secrets.add(url.getRawUserInfo());
            if (url.getUserInfo() != null) {
                secrets.add(url.getUserInfo());
            }
            secrets.addAll(secretHeaders().stream().map(h -> h[1]).toList());
        }
        if (url.getRawQuery() != null) {
            secrets.add(url.getRawQuery());
        }
        for (String s : secrets) {
            if (!s.isEmpty()) {
                out = out.replace(s, "***");
            }
        }
        return out;
    }

    private static String mask(URI url) {
        StringBuilder b = new StringBuilder();
        b.append(url.getScheme()).append("://");
        if (url.getRawUserInfo() != null) {
            b.append("***@");
        }
        b.append(url.getHost() == null ? "" : url.getHost());
        if (url.getPort() >= 0) {
            b.append(':').append(url.getPort());
        }
        b.append(url.getRawPath() == null ? "" : url.getRawPath());
        if (url.getRawQuery() != null) {
            b.append("?***");
        }
        return b.toString();
    }
}
