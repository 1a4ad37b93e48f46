package dev.scorecard.train.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a Chromium net log ({@code --log-net-log}) and lists the network URLs (http, https, ws,
 * wss) that pages asked for. Chromium itself fetches update and account URLs in the background,
 * even headless; those requests start with the initiator {@code "not an origin"} (a page's carry
 * its origin, {@code "null"} for a file), and they and the connection jobs for the same URLs are
 * left out. Every other event carrying a network URL counts, so an unknown log shape errs towards
 * reporting.
 */
final class NetLog {
    private static final String BROWSER_INITIATOR = "not an origin";

    private NetLog() {
    }

    /** @return the network URLs requested other than by the browser itself, in log order */
    static Set<String> pageRequests(Path log) throws IOException {
        JsonNode root = parse(Files.readString(log, StandardCharsets.UTF_8));
        JsonNode constants = root.path("constants");
        int startJob = constants.path("logEventTypes").path("URL_REQUEST_START_JOB").asInt(-1);
        int urlRequest = constants.path("logSourceType").path("URL_REQUEST").asInt(-1);
        if (startJob < 0 || urlRequest < 0) {
            throw new IOException("net log " + log + " lacks the constants URL_REQUEST_START_JOB / URL_REQUEST");
        }
        Set<Long> browserSources = new HashSet<>();
        Set<String> browserUrls = new HashSet<>();
        for (JsonNode e : root.path("events")) {
            JsonNode p = e.path("params");
            if (e.path("type").asInt() == startJob && BROWSER_INITIATOR.equals(p.path("initiator").asText())) {
                browserSources.add(e.path("source").path("id").asLong());
                browserUrls.add(p.path("url").asText());
            }
        }
        Set<String> requested = new LinkedHashSet<>();
        for (JsonNode e : root.path("events")) {
            String url = e.path("params").path("url").asText("");
            if (!isNetwork(url)) {
                continue;
            }
            JsonNode source = e.path("source");
            boolean browser = browserSources.contains(source.path("id").asLong())
                    || (source.path("type").asInt() != urlRequest && browserUrls.contains(url));
            if (!browser) {
                requested.add(url);
            }
        }
        return requested;
    }

    private static boolean isNetwork(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://") || u.startsWith("ws://") || u.startsWith("wss://");
    }

    /** Parses the log, completing it when Chromium stopped before writing the closing brackets. */
    private static JsonNode parse(String text) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String body = text.strip();
            if (body.endsWith(",")) {
                body = body.substring(0, body.length() - 1);
            }
            return mapper.readTree(body + "]}");
        }
    }
}
