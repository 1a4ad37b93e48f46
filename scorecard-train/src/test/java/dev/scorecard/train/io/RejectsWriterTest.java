package dev.scorecard.train.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.train.load.RejectedRow;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsWriterTest {

    @Test
    void quotesWhatNeedsQuoting() {
        assertThat(RejectsWriter.quote("plain")).isEqualTo("plain");
        assertThat(RejectsWriter.quote("")).isEqualTo("");
        assertThat(RejectsWriter.quote(" spaced ")).isEqualTo(" spaced ");
        assertThat(RejectsWriter.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(RejectsWriter.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(RejectsWriter.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(RejectsWriter.quote("cr\r")).isEqualTo("\"cr\r\"");
    }

    @Test
    void writesLineReasonAndTheOriginalFields() throws IOException {
        StringWriter out = new StringWriter();
        RejectsWriter.write(out, List.of("id", "note, free text", "y"), List.of(
                new RejectedRow(4, "target 'y' is missing", List.of("2", "x", "NA")),
                new RejectedRow(5, "target 'y' has unexpected value 'maybe' (expected 'bad' or 'good')",
                        List.of("3", "q,\"r\"\nnext", "maybe"))));
        assertThat(out.toString()).isEqualTo(
                "line,reason,id,\"note, free text\",y\n"
                        + "4,target 'y' is missing,2,x,NA\n"
                        + "5,target 'y' has unexpected value 'maybe' (expected 'bad' or 'good'),3,\"q,\"\"r\"\"\nnext\",maybe\n");
    }

    /** An input column named line or reason would make the header ambiguous: both own columns get a prefix. */
    @Test
    void ownColumnsAreRenamedWhenTheInputHasThem() throws IOException {
        StringWriter out = new StringWriter();
        RejectsWriter.write(out, List.of("id", "reason", "y"), List.of(
                new RejectedRow(3, "target 'y' is missing", List.of("7", "moved house", ""))));
        assertThat(out.toString()).isEqualTo("reject_line,reject_reason,id,reason,y\n"
                + "3,target 'y' is missing,7,moved house,\n");

        assertThat(RejectsWriter.ownColumns(List.of("a", "y"))).containsExactly("line", "reason");
        assertThat(RejectsWriter.ownColumns(List.of("line"))).containsExactly("reject_line", "reject_reason");
        assertThat(RejectsWriter.ownColumns(List.of("line", "reject_reason")))
                .containsExactly("reject_reject_line", "reject_reject_reason");
        assertThat(RejectsWriter.ownColumns(List.of("Line", "REASON", "reject_line"))).containsExactly("line", "reason");
    }

    @Test
    void writesTheFileAtomically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.rejects.csv");
        Files.writeString(file, "stale");
        RejectsWriter.write(file, List.of("a", "y"), List.of(new RejectedRow(3, "target 'y' is missing", List.of("1", ""))));
        assertThat(Files.readString(file)).isEqualTo("line,reason,a,y\n3,target 'y' is missing,1,\n");
        try (var s = Files.list(dir)) {
            assertThat(s).containsExactly(file);
        }
    }
}
