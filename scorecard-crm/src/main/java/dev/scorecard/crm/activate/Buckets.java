package dev.scorecard.crm.activate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The stable split into control and treated: SHA-256 of the lead id and the plan name (UTF-8, a zero
 * byte between them), its first eight bytes as an unsigned number, modulo 10,000. A lead's bucket for
 * a plan never changes, so a control lead stays in control night after night, and another plan's split
 * is independent of this one's. Buckets below the plan's control share × 10,000 are control.
 */
final class Buckets {
    /** The number of buckets. */
    static final int COUNT = 10_000;

    private Buckets() {
    }

    /**
     * @param lead the lead id
     * @param plan the plan name
     * @return the bucket, 0 to 9,999
     */
    static int of(String lead, String plan) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        sha.update(lead.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        byte[] d = sha.digest(plan.getBytes(StandardCharsets.UTF_8));
        long x = 0;
        for (int i = 0; i < 8; i++) {
            x = x << 8 | (d[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(x, COUNT);
    }
}
