package dev.scorecard.train.load;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The {@code --encoding} option and {@code encoding:} config key: names of encodings, and the advice
 * given when a file's bytes do not fit the encoding it was read in.
 */
public final class Encodings {
    private Encodings() {
    }

    /**
     * @param name an encoding name or alias as Java knows it, case-insensitive ({@code UTF-8},
     *     {@code GB18030}, {@code GBK}, {@code windows-1252}, {@code ISO-8859-1}, {@code UTF-16LE}, ...)
     * @return the encoding
     * @throws IllegalArgumentException for a name Java does not know, saying what is accepted
     */
    public static Charset parse(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown encoding '" + name + "'; use a name Java knows, such as "
                    + "UTF-8, GB18030, GBK, windows-1252, ISO-8859-1 or UTF-16LE");
        }
    }

    /**
     * @param encoding the encoding the file was read in
     * @return the sentence to add to an error when many of a file's bytes were not text in
     *     {@code encoding}, beginning with "; "
     */
    public static String advice(Charset encoding) {
        if (encoding.equals(StandardCharsets.UTF_8)) {
            return "; if the file is not UTF-8, pass --encoding, e.g. --encoding GB18030 or --encoding windows-1252";
        }
        return "; if the file is not " + encoding.name() + ", pass its encoding with --encoding, e.g. --encoding UTF-8";
    }

    /**
     * @param undecodable rows rejected for bytes that are not text in the encoding
     * @param rejected every rejected row
     * @param encoding the encoding the file was read in
     * @return {@link #advice} when most rejects are about bytes, so the encoding is the likely cause;
     *     otherwise empty
     */
    public static String adviceFor(long undecodable, long rejected, Charset encoding) {
        return undecodable > 0 && 2 * undecodable > rejected ? advice(encoding) : "";
    }
}
