package dev.scorecard.train.trainer;

import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 of a dataset's content, for the provenance of a model fitted on data built in memory:
 * column names and kinds, every value (numbers by their bits, categories by their text) and the
 * target. Two datasets with the same rows in the same order have the same digest, however they were
 * built.
 */
public final class DatasetDigest {
    private DatasetDigest() {
    }

    /** @return the digest, lower-case hex */
    public static String sha256(Dataset data) {
        MessageDigest md = newDigest();
        ByteBuffer buf = ByteBuffer.allocate(8);
        digestColumns(md, buf, "feature", data.features());
        digestColumns(md, buf, "id", data.ids());
        text(md, buf, "target " + data.target().name() + "=" + data.target().eventLabel());
        for (int i = 0; i < data.target().size(); i++) {
            md.update((byte) data.target().event(i));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void digestColumns(MessageDigest md, ByteBuffer buf, String role, List<Column> columns) {
        for (Column c : columns) {
            if (c instanceof NumericColumn n) {
                text(md, buf, role + " numeric " + n.name());
                for (int i = 0; i < n.size(); i++) {
                    buf.clear();
                    md.update(buf.putLong(Double.doubleToLongBits(n.value(i))).array());
                }
            } else {
                CategoricalColumn k = (CategoricalColumn) c;
                text(md, buf, role + " categorical " + k.name());
                for (int i = 0; i < k.size(); i++) {
                    String level = k.level(i);
                    if (level == null) {
                        md.update((byte) 0);
                    } else {
                        md.update((byte) 1);
                        text(md, buf, level);
                    }
                }
            }
        }
    }

    /** Length-prefixed, so that no two sequences of texts digest alike. */
    private static void text(MessageDigest md, ByteBuffer buf, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        buf.clear();
        md.update(buf.putLong(b.length).array());
        md.update(b);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
