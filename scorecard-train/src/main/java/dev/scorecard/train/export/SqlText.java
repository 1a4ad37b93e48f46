package dev.scorecard.train.export;

import dev.scorecard.core.internal.DoubleFormat;

/** Quoting and literals of the SQL export: identifiers, strings and numbers, the same on every JDK. */
final class SqlText {
    private SqlText() {
    }

    /** @return the name in double quotes, embedded double quotes doubled: any name is a valid identifier */
    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** @return a possibly schema-qualified table name, each dot-separated part quoted */
    static String table(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("\\.", -1)) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(identifier(part));
        }
        return sb.toString();
    }

    /** @return the text in single quotes, embedded single quotes doubled */
    static String string(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    /**
     * A double as {@code CAST(<digits>e<exponent> AS DOUBLE PRECISION)}: the shortest round-trip
     * digits ({@link DoubleFormat}, identical on every JDK) always in exponent form. Without the
     * exponent DuckDB reads {@code 0.1} as a DECIMAL and its DECIMAL-to-DOUBLE cast is not always
     * correctly rounded; with it DuckDB reads a DOUBLE, PostgreSQL an exact NUMERIC and H2 an exact
     * DECFLOAT, which the CAST rounds correctly. Every engine thus gets the very double of the model.
     *
     * @throws IllegalArgumentException for NaN or an infinity, which have no SQL literal
     */
    static String doubleLiteral(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("the SQL export has no literal for " + DoubleFormat.format(v));
        }
        String digits = DoubleFormat.format(v);
        return "CAST(" + (digits.indexOf('e') >= 0 ? digits : digits + "e0") + " AS DOUBLE PRECISION)";
    }

    /** @return true when {@code v} is a whole number that an SQL INTEGER holds */
    static boolean isInteger(double v) {
        return v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE;
    }

    /** @return a whole number as an integer literal, anything else as {@link #doubleLiteral} */
    static String number(double v) {
        return isInteger(v) ? Long.toString((long) v) : doubleLiteral(v);
    }

    /** @return the text with control characters replaced by spaces, safe in a {@code --} comment */
    static String comment(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            sb.append(Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029' ? ' ' : ch);
        }
        return sb.toString();
    }
}
