package dev.scorecard.crm.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, acceptance 2: every feature kind and window edge, against expectations worked out by hand. */
class FeaturesWorkflowTest {
    @TempDir
    Path dir;

    private Path copy(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.copy(Path.of("src/test/resources/features", name), p);
        return p;
    }

    private FeaturesWorkflow.Outcome run(Path leads, Path events, Path spec, String asOf, String zone,
            Optional<DuplicatePolicy> duplicates) {
        InputFormat f = zone == null ? InputFormat.DEFAULT : InputFormat.DEFAULT.withZone(ZoneId.of(zone));
        return FeaturesWorkflow.run(new FeaturesWorkflow.Request(leads, events, spec, asOf, dir.resolve("features.csv"), f,
                zone != null, duplicates, Optional.empty(), Optional.empty(), 0.5), n -> { });
    }

    @Test
    void everyKindAsOfMidnightInShanghai() throws IOException {
        FeaturesWorkflow.Outcome o = run(copy("leads.csv"), copy("events.csv"), copy("spec.yaml"), "2026-11-30", null,
                Optional.empty());
        // As of 2026-11-30T00:00+08:00 (the spec's zone). By hand, lead A:
        //   cv_7d: window (11-23T00:00, 11-30T00:00]: 11-23T00:00:01 and 11-30T00:00 (the as-of instant is in;
        //          11-23T00:00 is the window's start, out; 11-30T00:00:01 is after the as-of instant) = 2
        //   cv_ever 3; cv_english_30d: 11-30 and 11-23T00:00 = 2; live 30 + 45 = 75, mean 37.5, max in 7d 45
        //   days_since_trial 30 - 25 = 5; first_seen 30 - 10 = 20; age 30 - 1 = 29
        //   active_7d: 11-23, 11-25, 11-28, 11-30 = 4; courses english, math = 2
        //   top: english 4 (cv 11-30, cv 11-23T00:00, live 11-10, trial 11-25 once: its repeat is a duplicate) vs math 2
        //   attended 0 / booked 1 = 0
        // Lead B: its course_view has no time and its live_joined no number (both rejected); app_open at
        //   11-29T23:59:59 is 1 day back and the only event in the last 7 days; trials 11-21 and 11-22.
        // Lead C was created after the as-of instant: no row. Lead D has no events: counts 0, the rest missing,
        //   except the ratio with whenZero: 0.
        assertThat(Files.readAllLines(dir.resolve("features.csv"))).containsExactly(
                "lead_id,cv_7d,cv_ever,cv_english_30d,live_min_30d,live_mean,live_max_7d,days_since_trial,first_seen,age,"
                    + "active_7d,courses,top_course,second_course,attended,booked,attend_rate,attend_rate0,trials_ever,city",
                "A,2,3,2,75,37.5,45,5,20,29,4,2,english,math,0,1,0,0,1,beijing",
                "B,0,0,0,0,,,9,9,10,1,1,math,,1,1,1,1,2,shanghai",
                "D,0,0,0,0,,,,,1,0,0,,,0,0,,0,0,");
        assertThat(o.events().read()).isEqualTo(14);
        assertThat(o.events().used()).isEqualTo(9);
        assertThat(o.events().afterAsOf()).isEqualTo(1);
        assertThat(o.events().duplicates()).isEqualTo(1);
        assertThat(o.events().rejected()).isEqualTo(3);
        assertThat(o.events().unknownLeads()).isEqualTo(1);
        assertThat(o.leadsRead()).isEqualTo(4);
        assertThat(o.leadsAfterAsOf()).isEqualTo(1);
        assertThat(o.rows()).isEqualTo(3);
        assertThat(o.unreadTypes()).isEmpty(); // app_open is read by the any-type features
        assertThat(Files.readAllLines(dir.resolve("features.csv.rejects.csv"))).containsExactly(
                "line,reason,lead_id,event,timestamp,value,course",
                "9,\"duplicate: the same lead_id, event, timestamp, value and properties as an earlier line\",A,trial_booked,"
                    + "2026-11-25T09:00:00+08:00,,english",
                "12,lead_id 'X' is not in the leads file,X,course_view,2026-11-21T10:00:00+08:00,,math",
                "13,column 'timestamp': value 'not-a-time' is not a time,B,course_view,not-a-time,,math",
                "14,column 'value': value '12x' is not a number,B,live_joined,2026-11-22T21:00:00+08:00,12x,math");
    }
}
