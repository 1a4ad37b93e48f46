package dev.scorecard.crm.synth;

import static dev.scorecard.crm.synth.Calendar.DAY;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Writes {@code events.csv} in the order an export would list the lines: by the day each line
 * arrived, within the day by the second it arrived, ties in generation order; so the file is
 * roughly by time, leads interleaved, with late arrivals and re-sent copies out of place. The
 * events are bucketed by day with a counting sort over sort keys ({@code second of day << 40 |
 * log << 24 | index}); groups of days are sorted and formatted in parallel and written in order.
 */
final class EventFileWriter {
    static final byte[] HEADER = Chunk.ascii("lead_id,event,timestamp,value,course\n");
    /** The texts of the malformed timestamps, chosen by the lead's index. */
    static final String[] BAD_TIMES = {"2025-02-30T10:15:00+08:00", "yesterday", "14/03/2025 09:26",
        "2025-03-14T25:61:00+08:00"};
    private static final byte[][] BAD_TIME_BYTES = Catalogue.ascii(BAD_TIMES);
    private static final byte[] STRAY_FIELD = Chunk.ascii(",web");
    /** Events per formatting task: big enough to keep threads busy, small enough to bound memory. */
    private static final int GROUP = 1 << 18;

    private final World world;
    private final List<EventLog> logs;

    EventFileWriter(World world, List<EventLog> logs) {
        this.world = world;
        this.logs = logs;
    }

    /** @return the number of lines written (the header not counted) */
    long write(OutputStream out, ExecutorService pool, int threads, LongConsumer progress) throws IOException {
        int days = world.calendar.days;
        int[] start = new int[days + 1];
        long total = 0;
        for (EventLog log : logs) {
            for (int i = 0; i < log.size; i++) {
                start[log.arrival[i] / DAY + 1]++;
            }
            total += log.size;
        }
        if (total >= Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many events for one file: " + total);
        }
        for (int d = 0; d < days; d++) {
            start[d + 1] += start[d];
        }
        long[] keys = new long[(int) total];
        int[] cursor = Arrays.copyOf(start, days);
        for (int c = 0; c < logs.size(); c++) {
            EventLog log = logs.get(c);
            for (int i = 0; i < log.size; i++) {
                int a = log.arrival[i];
                keys[cursor[a / DAY]++] = ((long) (a % DAY) << 40) | ((long) c << 24) | i;
            }
        }
        out.write(HEADER);
        Deque<Task> pending = new ArrayDeque<>();
        int d = 0;
        while (d < days || !pending.isEmpty()) {
            while (d < days && pending.size() < threads + 2) {
                int first = d;
                while (d < days && start[d + 1] - start[first] < GROUP) {
                    d++;
                }
                if (d == first) {
                    d++; // one day alone holds a whole group
                }
                int from = start[first];
                int to = start[d];
                int firstDay = first;
                int lastDay = d;
                pending.add(new Task(pool.submit(() -> format(keys, start, firstDay, lastDay, from, to)), to));
            }
            Task task = pending.poll();
            out.write(CrmGenerator.await(task.lines()));
            progress.accept(task.to());
        }
        return total;
    }

    /** A group of days being formatted, and the number of lines written once it is. */
    private record Task(Future<byte[]> lines, int to) {
    }

    private byte[] format(long[] keys, int[] start, int firstDay, int lastDay, int from, int to) {
        LineBuffer b = new LineBuffer((to - from) * 56);
        for (int day = firstDay; day < lastDay; day++) {
            Arrays.sort(keys, start[day], start[day + 1]);
        }
        Calendar cal = world.calendar;
        for (int k = from; k < to; k++) {
            long key = keys[k];
            EventLog log = logs.get((int) (key >>> 24) & 0xFFFF);
            int i = (int) (key & 0xFFFFFF);
            int lead = log.lead[i];
            byte tb = log.type[i];
            MalformedKind kind = MalformedKind.of(tb);
            EventType type = EventType.ALL[tb & 0x0F];
            b.ch('L').padded(lead + 1L, world.idWidth).comma();
            if (kind != MalformedKind.EVENT_TYPE) {
                b.bytes(type.bytes);
            }
            b.comma();
            if (kind == MalformedKind.TIMESTAMP) {
                b.bytes(BAD_TIME_BYTES[lead % BAD_TIME_BYTES.length]);
            } else {
                cal.write(b, log.time[i]);
            }
            b.comma();
            if (log.value[i] >= 0) {
                b.integer(log.value[i]);
                if (kind == MalformedKind.VALUE) {
                    b.ch('x');
                }
            }
            boolean dropCourse = kind == MalformedKind.FIELD_COUNT && lead % 2 == 0;
            if (!dropCourse) {
                b.comma();
                if (log.course[i] >= 0) {
                    b.bytes(Catalogue.COURSE_BYTES[log.course[i]]);
                }
            }
            if (kind == MalformedKind.FIELD_COUNT && !dropCourse) {
                b.bytes(STRAY_FIELD);
            }
            b.newline();
        }
        return b.toByteArray();
    }
}
