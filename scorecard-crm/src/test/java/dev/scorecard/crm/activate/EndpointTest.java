package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.spec.YamlNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The endpoint YAML: defaults, every key, each mistake named by line and key, and no secret shown. */
class EndpointTest {
    private static final Map<String, String> ENV = Map.of("CRM_TOKEN", "Bearer s3cr3t-T0KEN");

    private static Endpoint read(String... lines) {
        return Endpoint.read(YamlNode.parse("e.yaml", String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                ENV::get);
    }

    private static void refused(String message, String... lines) {
        assertThatThrownBy(() -> read(lines)).isInstanceOf(InputDataException.class).hasMessage("e.yaml, " + message);
    }

    @Test
    void defaults() {
        Endpoint e = read("url: https://crm.example.com/hooks/a");
        assertThat(e.url()).hasToString("https://crm.example.com/hooks/a");
        assertThat(e.auth()).isEmpty();
        assertThat(e.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(e.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(e.retries()).isEqualTo(new Endpoint.Retries(5, Duration.ofSeconds(1), Duration.ofSeconds(60)));
        assertThat(e).isEqualTo(Endpoint.of("https://crm.example.com/hooks/a"));
    }

    @Test
    void everyKey() {
        Endpoint e = read("url: http://127.0.0.1:8080/hook", "auth: {header: X-Api-Key, env: CRM_TOKEN}",
                "timeouts: {connect: 500ms, read: 1m}", "retries: {attempts: 3, backoff: 250ms, max: 2h}");
        assertThat(e.auth().orElseThrow()).isEqualTo(new Endpoint.Auth("X-Api-Key", "CRM_TOKEN", "Bearer s3cr3t-T0KEN"));
        assertThat(e.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(e.readTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(e.retries()).isEqualTo(new Endpoint.Retries(3, Duration.ofMillis(250), Duration.ofHours(2)));
        // header defaults to Authorization
        assertThat(read("url: https://h/x", "auth: {env: CRM_TOKEN}").auth().orElseThrow().header())
                .isEqualTo("Authorization");
    }

    @Test
    void mistakes() {
        refused("line 1: key 'uri': unknown key; did you mean 'url'?; expected one of url, auth, timeouts, retries",
                "uri: https://h/x");
        refused("line 1: no 'url': give the webhook's http or https address", "retries: {attempts: 3}");
        refused("line 1: key 'url': the scheme is 'ftp', not http or https", "url: ftp://h/x");
        refused("line 1: key 'url': no host in http:///x", "url: http:///x");
        refused("line 1: key 'url': not a valid URL: Illegal character in path at index 11", "url: https://h/a b");
        refused("line 2: key 'auth.value': the header's value is never read from the file: name the environment"
                + " variable that holds it in 'env'", "url: https://h/x", "auth: {value: abc}");
        refused("line 2: key 'auth': no 'env': name the environment variable that holds the Authorization header's"
                + " value", "url: https://h/x", "auth: {header: Authorization}");
        refused("line 2: key 'auth.env': the environment variable NOPE is not set (it holds the Authorization"
                + " header's value)", "url: https://h/x", "auth: {env: NOPE}");
        refused("line 2: key 'auth.header': 'Bad Header' is not a header name", "url: https://h/x",
                "auth: {header: Bad Header, env: CRM_TOKEN}");
        refused("line 2: key 'auth': the url holds credentials too: give them in one place", "url: https://u:p@h/x",
                "auth: {env: CRM_TOKEN}");
        refused("line 2: key 'timeouts.read': '10' is not a duration: write a whole number and ms, s, m or h (500ms,"
                + " 2s, 1m)", "url: https://h/x", "timeouts: {read: 10}");
        refused("line 2: key 'timeouts.connect': the duration must be above 0", "url: https://h/x",
                "timeouts: {connect: 0s}");
        refused("line 2: key 'timeouts.write': unknown key; expected one of connect, read",
                "url: https://h/x", "timeouts: {write: 1s}");
        refused("line 2: key 'retries.attempts': attempts 0 is outside 1 to 100", "url: https://h/x",
                "retries: {attempts: 0}");
        refused("line 2: key 'retries.attempts': 'five' is not a whole number", "url: https://h/x",
                "retries: {attempts: five}");
        refused("line 2: key 'retries.max': max 500ms is below backoff 1s", "url: https://h/x",
                "retries: {max: 500ms}");
        refused("line 2: key 'retries.backoff': max 1m is below backoff 2m", "url: https://h/x",
                "retries: {backoff: 2m}");
    }

    @Test
    void secretsAreMasked() {
        Endpoint header = read("url: https://crm.example.com/hook?token=abc123", "auth: {env: CRM_TOKEN}");
        assertThat(header.describe()).isEqualTo("https://crm.example.com/hook?*** (Authorization: ***)");
        assertThat(header).hasToString(header.describe());
        assertThat(header.auth().orElseThrow()).hasToString("Authorization: ***");
        assertThat(header.mask("failed: Bearer s3cr3t-T0KEN at /hook?token=abc123"))
                .isEqualTo("failed: *** at /hook?***");

        Endpoint inUrl = read("url: https://alice:pa55word@crm.example.com:8443/hook");
        assertThat(inUrl.describe()).isEqualTo("https://***@crm.example.com:8443/hook");
        assertThat(inUrl.target()).hasToString("https://crm.example.com:8443/hook");
        // alice:pa55word in Basic authentication
        assertThat(inUrl.secretHeaders()).singleElement().satisfies(h -> assertThat(h)
                .containsExactly("Authorization", "Basic YWxpY2U6cGE1NXdvcmQ="));
        assertThat(inUrl.mask("to https://alice:pa55word@crm.example.com")).isEqualTo("to https://***@crm.example.com");
        // a URL that does not parse is not quoted back
        assertThatThrownBy(() -> read("url: https://alice:pa55word@h/a b")).hasMessageNotContaining("pa55word");
    }

    @Test
    void backoffCeilingDoublesUpToMax() {
        Endpoint.Retries r = new Endpoint.Retries(10, Duration.ofSeconds(1), Duration.ofSeconds(60));
        // 1 s × 2^(n−1): 1, 2, 4, 8, 16, 32, then 64 capped at 60
        assertThat(java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(r::ceiling).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
        assertThat(r.ceiling(1000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void messageKey() {
        // Reference values from Python: hashlib.sha256 over struct.pack('>I', len(b)) + b per part, hexdigest()[:32].
        assertThat(Message.key("L1", "welcome", "email-1", "2026-12-04")).isEqualTo("0ab0db20d28027bd010f25e64698ae48");
        assertThat(Message.key("ab", "c", "", "")).isEqualTo("1c3f8754d58ed7595901b4b0c8ac1313");
        assertThat(Message.key("a", "bc", "", "")).isEqualTo("4204543ad59e75a59d3fa95517664edd");
        assertThat(Message.of("L1", "welcome", "email-1", "2026-12-04", "{}").key())
                .isEqualTo("0ab0db20d28027bd010f25e64698ae48");
    }

    @Test
    void messageChecks() {
        assertThatThrownBy(() -> new Message("a/b", "L", "p", "s", "d", "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message key 'a/b' is not 1 to 128 letters, digits, - or _ (it goes into a header and a URL"
                        + " unescaped)");
        assertThatThrownBy(() -> new Message("k1", "L", "p", "s", "d", "{\"a\": 1} 2"))
                .hasMessage("message k1: the body is not one JSON value: something follows the value at column 10");
        assertThatThrownBy(() -> new Message("k1", "L", "p", "s", "d", " ")).hasMessage(
                "message k1: the body is not one JSON value: it is empty");
        assertThatThrownBy(() -> new Message("k1", "L", "p", "s", "d", "{\"a\": 1, \"a\": 2}"))
                .hasMessageStartingWith("message k1: the body is not one JSON value: Duplicate field 'a'");
    }
}
