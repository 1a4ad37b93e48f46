package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelimiterDetectorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', textBlock = """
            comma                             # a,b,c\\n1,2,3\\n                 # ,
            semicolon                         # a;b;c\\n1;2;3\\n                 # ;
            tab                               # a\\tb\\n1\\t2\\n                   # TAB
            pipe                              # a|b\\n1|2\\n                     # |
            decimal commas, semicolon fields  # a;b\\n1,5;2,5\\n4,0;1\\n         # ;
            confirmed beats more frequent     # a,b,c;d\\n1;2\\n3;4\\n           # ;
            tie goes to the first candidate   # a,b;c\\n1,2;3\\n                 # ,
            most in the header wins           # a|b|c,d\\n1|2|3,4\\n             # |
            quoted delimiters do not count    # "a,b";c\\n"1,2";3\\n             # ;
            quoted line break is followed     # a;b\\n"x\\n,,,";1\\n2;3\\n         # ;
            blank lines are skipped           # a;b\\n\\n1;2\\n\\r\\n3;4\\n          # ;
            CRLF                              # a;b\\r\\n1;2\\r\\n                 # ;
            nothing confirmed: most frequent  # a;b;c,d\\n1\\n2,3\\n             # ;
            one column                        # a\\n1\\n2\\n                     # ,
            header only                       # a|b\\n                         # |
            empty                             # ''                            # ,
            """)
    void detects(String name, String text, String expected) {
        String csv = text.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
        char want = expected.equals("TAB") ? '\t' : expected.charAt(0);
        assertThat(DelimiterDetector.detect(csv, true)).isEqualTo(want);
    }

    @Test
    void ignoresTheIncompleteLastRecordOfAPrefix() {
        // the cut-off third record has one ';' too few: it must not veto the semicolon
        assertThat(DelimiterDetector.detect("a;b;c\n1;2;3\n4;5", false)).isEqualTo(';');
        assertThat(DelimiterDetector.detect("a;b;c\n1;2;3\n4;5", true)).isEqualTo(';'); // no candidate confirmed
    }

    @Test
    void usesAHeaderLongerThanThePrefix() {
        assertThat(DelimiterDetector.detect("a|b|c|d", false)).isEqualTo('|');
    }

    @Test
    void readsAtMostThePrefixFromAReader() throws IOException {
        StringBuilder sb = new StringBuilder("a;b\n");
        while (sb.length() < 3 * DelimiterDetector.PREFIX_CHARS) {
            sb.append("1;2\n");
        }
        sb.append("x,y,z,w\n"); // beyond the prefix: not looked at
        assertThat(DelimiterDetector.detect(new StringReader(sb.toString()))).isEqualTo(';');
    }

    @Test
    void looksAtTheFirstRecordsOnly() {
        StringBuilder sb = new StringBuilder("a;b\n");
        for (int i = 0; i < DelimiterDetector.RECORDS_CHECKED; i++) {
            sb.append("1;2\n");
        }
        sb.append("1;2;3;4\n");
        assertThat(DelimiterDetector.detect(sb.toString(), true)).isEqualTo(';');
    }
}
