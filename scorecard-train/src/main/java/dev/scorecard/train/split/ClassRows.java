package dev.scorecard.train.split;

import dev.scorecard.core.data.BinaryTarget;

/** The event rows and the non-event rows of a target, each in increasing order: where both stratified splits start. */
record ClassRows(int[] events, int[] nonEvents) {
    static ClassRows of(BinaryTarget target) {
        int[] events = new int[target.eventCount()];
        int[] nonEvents = new int[target.nonEventCount()];
        int e = 0;
        int ne = 0;
        for (int row = 0; row < target.size(); row++) {
            if (target.isEvent(row)) {
                events[e++] = row;
            } else {
                nonEvents[ne++] = row;
            }
        }
        return new ClassRows(events, nonEvents);
    }
}
