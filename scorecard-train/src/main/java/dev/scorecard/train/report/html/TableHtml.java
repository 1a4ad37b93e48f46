package dev.scorecard.train.report.html;

import java.util.Locale;

/** Writes a {@link Table} as an HTML table in a horizontally scrolling wrapper. */
final class TableHtml {
    private TableHtml() {
    }

    static void write(StringBuilder out, Table table) {
        out.append("<div class=\"table-wrap\"><table>\n");
        if (!table.caption().isEmpty()) {
            out.append("<caption>").append(HtmlEscaper.escape(table.caption())).append("</caption>\n");
        }
        out.append("<thead><tr>");
        for (Table.Column c : table.columns()) {
            out.append("<th scope=\"col\" class=\"").append(alignClass(c.align())).append("\">")
                    .append(HtmlEscaper.escape(c.header())).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (Table.Row row : table.rows()) {
            out.append(row.status() == Status.NONE ? "<tr>"
                    : "<tr class=\"st-" + row.status().name().toLowerCase(Locale.ROOT) + "\">");
            for (int i = 0; i < row.cells().size(); i++) {
                out.append("<td class=\"").append(alignClass(table.columns().get(i).align())).append("\">")
                        .append(HtmlEscaper.escape(row.cells().get(i))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }

    private static String alignClass(Table.Align align) {
        return align == Table.Align.RIGHT ? "r" : "l";
    }
}
