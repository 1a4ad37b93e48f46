package dev.scorecard.train.load;

/**
 * A cell of the current row as characters in the reader's buffer, without a String: for a caller
 * that only looks a cell up or parses it, millions of times. Valid until the reader moves on.
 */
final class CellView implements CharSequence {
    private char[] chars;
    private int start;
    private int length;

    CellView at(char[] buffer, int from, int count) {
        this.chars = buffer;
        this.start = from;
        this.length = count;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[start + index];
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new String(chars, start + from, to - from);
    }

    @Override
    public String toString() {
        return new String(chars, start, length);
    }
}
