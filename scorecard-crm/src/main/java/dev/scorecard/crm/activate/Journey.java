package dev.scorecard.crm.activate;

import java.util.List;
import java.util.TreeSet;

/**
 * A lead's journey in one plan, as the state keeps it between nights. A control journey sends
 * nothing; it is held for as long as the treated journey would take, so that the lead does not enter
 * again every night and the control group's clock matches the treated group's.
 *
 * @param plan the plan
 * @param lead the lead id
 * @param control whether the lead is held out
 * @param bucket its bucket, 0–9,999
 * @param enteredAt the as-of instant of the night it entered, epoch milliseconds
 * @param nextStep the index of the next step (the number of steps done)
 * @param lastAt when the last step was done (sent or skipped), or the entry, epoch milliseconds
 * @param endedAt when it ended, or {@link Long#MIN_VALUE} while active
 * @param outcome how it ended ({@code completed}, {@code responded:TYPE}, {@code preempted:PLAN},
 *     {@code held-out}), empty while active
 * @param tags the tags the journey gave, sorted
 */
record Journey(String plan, String lead, boolean control, int bucket, long enteredAt, int nextStep, long lastAt,
        long endedAt, String outcome, List<String> tags) {
    private static final char SEP = '\u001f';

    /** Copies. */
    Journey {
        tags = List.copyOf(new TreeSet<>(tags));
    }

    /** @return whether it has not ended */
    boolean active() {
        return endedAt == Long.MIN_VALUE;
    }

    /** @return the state's key: plan, a zero character, lead */
    String key() {
        return key(plan, lead);
    }

    static String key(String plan, String lead) {
        return plan + '\u0000' + lead;
    }

    Journey step(long at) {
        return new Journey(plan, lead, control, bucket, enteredAt, nextStep + 1, at, endedAt, outcome, tags);
    }

    Journey end(long at, String why) {
        return new Journey(plan, lead, control, bucket, enteredAt, nextStep, lastAt, at, why, tags);
    }

    Journey tag(String tag) {
        if (tags.contains(tag)) {
            return this;
        }
        List<String> more = new java.util.ArrayList<>(tags);
        more.add(tag);
        return new Journey(plan, lead, control, bucket, enteredAt, nextStep, lastAt, endedAt, outcome, more);
    }

    String encode() {
        return String.join(String.valueOf(SEP), plan, lead, control ? "c" : "t", Integer.toString(bucket),
                Long.toString(enteredAt), Integer.toString(nextStep), Long.toString(lastAt), Long.toString(endedAt),
                outcome, String.join(";", tags));
    }

    static Journey decode(String s) {
        String[] f = s.split(String.valueOf(SEP), -1);
        return new Journey(f[0], f[1], f[2].equals("c"), Integer.parseInt(f[3]), Long.parseLong(f[4]),
                Integer.parseInt(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), f[8],
                f[9].isEmpty() ? List.of() : List.of(f[9].split(";")));
    }
}
