package dev.scorecard.train.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlEscaperTest {
    @Test
    void escapesMarkupQuotesAndAmpersands() {
        assertThat(HtmlEscaper.escape(SampleDocument.HOSTILE))
                .isEqualTo("&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;&#39;");
        assertThat(HtmlEscaper.escape("&amp;")).isEqualTo("&amp;amp;"); // already-escaped text is text
        assertThat(HtmlEscaper.escape("\"/><svg onload=x>")).isEqualTo("&quot;/&gt;&lt;svg onload=x&gt;");
    }

    @Test
    void replacesForbiddenControlCharactersAndKeepsWhitespace() {
        assertThat(HtmlEscaper.escape("a\u0000b\u0007c\u0085d")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        assertThat(HtmlEscaper.escape("tab\tline\ncr\r")).isEqualTo("tab\tline\ncr\r");
    }

    @Test
    void leavesPlainTextAlone() {
        String plain = "Gini 0.56 \u2014 \u00e9v\u00e9nement \uD83D\uDCC8";
        assertThat(HtmlEscaper.escape(plain)).isSameAs(plain);
        assertThat(HtmlEscaper.escape("")).isEmpty();
    }
}
