package dev.scorecard.train.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.scorecard.core.internal.DoubleFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * A thin layer over Jackson's streaming generator for the report JSON files: members are written in
 * the order the caller writes them, doubles as {@link DoubleFormat} text (so the bytes are the same
 * on every JDK) and non-finite doubles as {@code null}. Objects are indented by two spaces with
 * {@code \n} line ends whatever the platform; arrays stay on one line. Not thread-safe.
 */
final class JsonOut implements AutoCloseable {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamWriteFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final OutputStream out;
    private final JsonGenerator g;

    JsonOut(OutputStream out) throws IOException {
        this.out = out;
        this.g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        g.setPrettyPrinter(new DefaultPrettyPrinter(separators)
                .withObjectIndenter(new DefaultIndenter("  ", "\n")));
    }

    void startObject() throws IOException {
        g.writeStartObject();
    }

    void startObject(String name) throws IOException {
        g.writeFieldName(name);
        g.writeStartObject();
    }

    void endObject() throws IOException {
        g.writeEndObject();
    }

    void startArray(String name) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
    }

    void startArray() throws IOException {
        g.writeStartArray();
    }

    void endArray() throws IOException {
        g.writeEndArray();
    }

    void string(String name, String value) throws IOException {
        g.writeStringField(name, value);
    }

    void string(String name, Optional<String> value) throws IOException {
        g.writeFieldName(name);
        if (value.isPresent()) {
            g.writeString(value.get());
        } else {
            g.writeNull();
        }
    }

    void string(String value) throws IOException {
        g.writeString(value);
    }

    void number(String name, long value) throws IOException {
        g.writeNumberField(name, value);
    }

    void number(String name, double value) throws IOException {
        g.writeFieldName(name);
        number(value);
    }

    /** Writes a double as its shortest round-trip text, or {@code null} when it is not finite. */
    void number(double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumber(DoubleFormat.format(value));
        } else {
            g.writeNull();
        }
    }

    void number(long value) throws IOException {
        g.writeNumber(value);
    }

    void bool(String name, boolean value) throws IOException {
        g.writeBooleanField(name, value);
    }

    void nullField(String name) throws IOException {
        g.writeNullField(name);
    }

    /** Writes {@code name: [v0, v1, …]}. */
    void numbers(String name, List<? extends Number> values) throws IOException {
        startArray(name);
        for (Number v : values) {
            if (v instanceof Double d) {
                number(d);
            } else {
                number(v.longValue());
            }
        }
        endArray();
    }

    /** Ends the document with a line feed and flushes; the stream stays open. */
    @Override
    public void close() throws IOException {
        g.close();
        out.write('\n');
        out.flush();
    }
}
