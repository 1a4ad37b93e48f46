package dev.scorecard.crm.activate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One message for one lead, rendered and ready to deliver.
 *
 * @param key the idempotency key: the receiver treats two deliveries with one key as one message;
 *     normally {@link #key(String, String, String, String)}; letters, digits, {@code -} and {@code _},
 *     at most 128
 * @param lead the lead's id
 * @param plan the activation plan that sends it
 * @param step the plan's step
 * @param day the day it is for (an ISO date, as the caller writes it)
 * @param body the payload: one JSON value, as UTF-8 text
 */
public record Message(String key, String lead, String plan, String step, String day, String body) {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Checks the key's form and that the body is one JSON value.
     *
     * @throws IllegalArgumentException naming the key and what is wrong
     */
    public Message {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(body, "body");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("message key '" + key + "' is not 1 to 128 letters, digits, - or _ (it"
                    + " goes into a header and a URL unescaped)");
        }
        String problem = jsonProblem(body);
        if (problem != null) {
            throw new IllegalArgumentException("message " + key + ": the body is not one JSON value: " + problem);
        }
    }

    /**
     * Makes a message whose key is {@link #key(String, String, String, String)} of its parts.
     *
     * @return the message
     */
    public static Message of(String lead, String plan, String step, String day, String body) {
        return new Message(key(lead, plan, step, day), lead, plan, step, day, body);
    }

    /**
     * The idempotency key of a lead's step of a plan on a day: the lowercase hex of the first 16 bytes
     * of the SHA-256 of the four parts, each as its UTF-8 byte count (4 bytes, big-endian) followed by
     * its UTF-8 bytes. 32 characters, URL-safe, the same on every run and machine; the length prefixes
     * keep {@code ("ab", "c")} and {@code ("a", "bc")} apart, which a separator would not when the
     * parts may hold it.
     *
     * @return the key
     */
    public static String key(String lead, String plan, String step, String day) {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String part : new String[] {lead, plan, step, day}) {
            byte[] b = Objects.requireNonNull(part, "part").getBytes(StandardCharsets.UTF_8);
            d.update(ByteBuffer.allocate(4).putInt(b.length).array());
            d.update(b);
        }
        return HexFormat.of().formatHex(d.digest(), 0, 16);
    }

    /** @return why {@code text} is not exactly one JSON value, or null when it is */
    private static String jsonProblem(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken t = p.nextToken();
            if (t == null) {
                return "it is empty";
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                return "something follows the value at column " + p.currentTokenLocation().getColumnNr();
            }
            return null;
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
