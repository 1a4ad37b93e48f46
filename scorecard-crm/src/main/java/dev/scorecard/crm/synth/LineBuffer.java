package dev.scorecard.crm.synth;

import java.util.Arrays;

/**
 * A growable byte buffer that rows are written into as ASCII, with integers and fixed-decimal
 * numbers formatted by hand: no {@code String}, no formatter and no {@code Locale} per cell, and
 * the same text on every JDK (SPEC §13). Not thread-safe; one per task.
 */
final class LineBuffer {
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    byte[] buf;
    int size;

    LineBuffer(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    void room(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(size + n, buf.length * 2));
        }
    }

    LineBuffer bytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    LineBuffer ascii(String s) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    LineBuffer comma() {
        room(1);
        buf[size++] = ',';
        return this;
    }

    LineBuffer newline() {
        room(1);
        buf[size++] = '\n';
        return this;
    }

    LineBuffer ch(char c) {
        room(1);
        buf[size++] = (byte) c;
        return this;
    }

    /** Writes {@code v} with at least {@code width} digits, zero-padded. */
    LineBuffer padded(long v, int width) {
        room(21 + width);
        if (v < 0) {
            buf[size++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v / 10; t > 0; t /= 10) {
            digits++;
        }
        int n = Math.max(digits, width);
        for (int i = size + n - 1; i >= size; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size += n;
        return this;
    }

    LineBuffer integer(long v) {
        return padded(v, 1);
    }

    /** Two digits, for times. */
    LineBuffer twoDigits(int v) {
        room(2);
        buf[size++] = (byte) ('0' + v / 10);
        buf[size++] = (byte) ('0' + v % 10);
        return this;
    }

    /** Cents as a decimal amount: 12345 → {@code 123.45}. */
    LineBuffer cents(long cents) {
        return scaled(cents, 2);
    }

    /** {@code v} rounded half away from zero to {@code decimals} (at most 8) places, e.g. {@code -0.031250}. */
    LineBuffer fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        long scaled = Math.round(Math.abs(v) * POWERS[decimals]);
        if (v < 0 && scaled != 0) {
            ch('-');
        }
        return scaled(scaled, decimals);
    }

    private LineBuffer scaled(long v, int decimals) {
        if (v < 0) {
            ch('-');
            v = -v;
        }
        integer(v / POWERS[decimals]);
        if (decimals > 0) {
            ch('.');
            padded(v % POWERS[decimals], decimals);
        }
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    String text() {
        return new String(buf, 0, size, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
