package dev.scorecard.train.export;

import dev.scorecard.core.internal.DoubleFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin, indenting layer over the JDK's {@link XMLStreamWriter}: two spaces per level, LF line
 * ends, attributes in the order written, so the same calls give the same bytes. Every string is
 * checked first: XML 1.0 cannot carry control characters, and a parser turns a tab or line break
 * inside an attribute into a space, so text holding one is refused rather than silently changed.
 */
final class PmmlXml implements AutoCloseable {
    private final XMLStreamWriter w;
    /** Per open element: whether it has child elements yet (its end tag then goes on its own line). */
    private final Deque<Boolean> open = new ArrayDeque<>();
    /** The element opened last, while its attributes are still being added; null once written. */
    private String pendingName;
    private final List<String> pendingAttributes = new ArrayList<>();

    PmmlXml(OutputStream out) throws IOException {
        try {
            // The JDK's own writer, whatever StAX implementation the class path holds: the bytes must
            // not depend on it. A factory per document, as factories are not specified thread-safe.
            w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IOException("cannot write PMML: " + e.getMessage(), e);
        }
    }

    /** Opens the root element with its default namespace. */
    PmmlXml root(String name, String namespace) throws IOException {
        start(name);
        attr("xmlns", namespace);
        return this;
    }

    /**
     * Opens an element on a new line. The start tag is written once its attributes are known: as an
     * empty-element tag when the element is closed with no content.
     */
    PmmlXml start(String name) throws IOException {
        flushPending(false);
        if (!open.isEmpty()) {
            open.pop();
            open.push(true);
        }
        try {
            w.writeCharacters("\n" + "  ".repeat(open.size()));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        pendingName = name;
        open.push(false);
        return this;
    }

    /** Adds an attribute to the element just opened. */
    PmmlXml attr(String name, String value) throws IOException {
        if (pendingName == null) {
            throw new IllegalStateException("attribute " + name + " after the element's content");
        }
        pendingAttributes.add(name);
        pendingAttributes.add(checked(value));
        return this;
    }

    /** Adds a numeric attribute in shortest round-trip form. */
    PmmlXml attr(String name, double value) throws IOException {
        return attr(name, number(value));
    }

    /** Adds an integer attribute. */
    PmmlXml attr(String name, int value) throws IOException {
        return attr(name, Integer.toString(value));
    }

    /**
     * Writes text content into the element just opened (which then holds no child elements). Text
     * holding {@code <}, {@code >} or {@code &} goes into a CDATA section rather than entity
     * references: pmml4s (and PyPMML on it) reads element text with a pull parser that drops entity
     * references, so {@code ... &lt; 0 DM} would reach it as {@code ...  0 DM}.
     */
    PmmlXml text(String text) throws IOException {
        flushPending(false);
        try {
            boolean markup = text.indexOf('<') >= 0 || text.indexOf('>') >= 0 || text.indexOf('&') >= 0;
            if (markup && !text.contains("]]>")) {
                w.writeCData(checked(text));
                return this;
            }
            w.writeCharacters(checked(text));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        return this;
    }

    /** Closes the innermost open element. */
    PmmlXml end() throws IOException {
        boolean hadChildren = open.pop();
        if (pendingName != null) {
            flushPending(true);
            return this;
        }
        try {
            if (hadChildren) {
                w.writeCharacters("\n" + "  ".repeat(open.size()));
            }
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        return this;
    }

    private void flushPending(boolean empty) throws IOException {
        if (pendingName == null) {
            return;
        }
        try {
            if (empty) {
                w.writeEmptyElement(pendingName);
            } else {
                w.writeStartElement(pendingName);
            }
            for (int i = 0; i < pendingAttributes.size(); i += 2) {
                if (pendingAttributes.get(i).equals("xmlns")) {
                    w.writeDefaultNamespace(pendingAttributes.get(i + 1));
                } else {
                    w.writeAttribute(pendingAttributes.get(i), pendingAttributes.get(i + 1));
                }
            }
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        pendingName = null;
        pendingAttributes.clear();
    }

    /** Closes every open element and the document, and flushes; the stream stays open. */
    @Override
    public void close() throws IOException {
        try {
            while (!open.isEmpty()) {
                end();
            }
            w.writeEndDocument();
            w.writeCharacters("\n");
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** @return a finite double as the shortest decimal that reads back to the same double */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("PMML numbers must be finite, got " + value);
        }
        return DoubleFormat.format(value);
    }

    private static String checked(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 || c == 0xFFFE || c == 0xFFFF;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
                i++;
            } else if (Character.isLowSurrogate(c)) {
                bad = true;
            }
            if (bad) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "PMML (XML 1.0) cannot carry the character U+%04X in '%s'", (int) c, s));
            }
        }
        return s;
    }

    private static IOException failure(XMLStreamException e) {
        return new IOException("cannot write PMML: " + e.getMessage(), e);
    }
}
