package dev.scorecard.crm.activate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.scorecard.train.io.OutputSet;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The file channel: messages as JSON Lines, one object per line with the fields {@code key},
 * {@code lead}, {@code plan}, {@code step}, {@code day} and {@code payload} (the body, as JSON, on
 * one line), ordered by day, plan, step, lead and key, so that a re-run writes the same bytes. The
 * file is a member of the caller's {@link OutputSet}: it appears whole, with the run's other
 * outputs, or not at all.
 */
public final class JsonlFile {
    private static final JsonFactory JSON = new JsonFactory();

    /** The order of the lines. */
    static final Comparator<Message> ORDER = Comparator.comparing(Message::day).thenComparing(Message::plan)
            .thenComparing(Message::step).thenComparing(Message::lead).thenComparing(Message::key);

    private JsonlFile() {
    }

    /**
     * @param set the run's output set
     * @param target a member of it
     * @param messages the messages, in any order
     * @throws IOException when writing fails
     */
    public static void write(OutputSet set, Path target, Collection<Message> messages) throws IOException {
        List<Message> sorted = new ArrayList<>(messages);
        sorted.sort(ORDER);
        set.writeText(target, out -> {
            for (Message m : sorted) {
                line(out, m, null);
            }
        });
    }

    /** Writes one message, and a dead letter's fields when {@code dead} is given, as one line. */
    static void line(Writer out, Message m, DeadLetter dead) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("key", m.key());
        g.writeStringField("lead", m.lead());
        g.writeStringField("plan", m.plan());
        g.writeStringField("step", m.step());
        g.writeStringField("day", m.day());
        g.writeFieldName("payload");
        // The body is one JSON value (Message checks it), where a line break can only be whitespace
        // between tokens (JSON strings hold none): as a space it keeps the payload and the line whole.
        g.writeRawValue(m.body().replace('\r', ' ').replace('\n', ' ').strip());
        if (dead != null) {
            g.writeStringField("reason", dead.reason());
            g.writeNumberField("attempts", dead.attempts());
            if (dead.lastStatus() == 0) {
                g.writeNullField("status");
            } else {
                g.writeNumberField("status", dead.lastStatus());
            }
        }
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }
}
