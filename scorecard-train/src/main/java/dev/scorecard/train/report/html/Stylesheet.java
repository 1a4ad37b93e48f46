package dev.scorecard.train.report.html;

/**
 * The page's only style sheet, inlined: a system font stack (no web fonts), a readable column on
 * screen that narrows on phones, and print rules for A4 that keep charts and tables whole, scale
 * charts to the page and print the colours. Row and verdict states differ in border style as well
 * as colour, so they read in greyscale.
 */
final class Stylesheet {
    static final String CSS = """
            *{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
            body{margin:0 auto;max-width:1100px;padding:24px 24px 48px;color:#1a1a1a;background:#fff;\
            font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",\
            "Liberation Sans",sans-serif}
            header{border-bottom:2px solid #1a1a1a;margin-bottom:16px;padding-bottom:8px}
            h1{font-size:1.8em;line-height:1.2;margin:0 0 4px}
            .subtitle{margin:0 0 8px;color:#444;font-size:1.1em}
            h2{font-size:1.4em;margin:36px 0 8px;padding-bottom:4px;border-bottom:1px solid #bbb}
            h3{font-size:1.15em;margin:28px 0 6px}
            h4,h5,h6{font-size:1em;margin:20px 0 6px}
            p{margin:8px 0;max-width:75em}
            .intro{color:#333}
            a{color:#0b57a4}
            dl.kv{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 18px;margin:8px 0 16px}
            dl.kv dt{font-weight:600;color:#333}
            dl.kv dd{margin:0;overflow-wrap:anywhere}
            nav.toc{background:#f5f6f7;border:1px solid #d8d8d8;border-radius:4px;padding:8px 20px;margin:16px 0 8px}
            nav.toc h2{border:0;margin:4px 0;padding:0;font-size:1.1em}
            nav.toc ol{margin:2px 0;padding-left:1.4em}
            nav.toc summary{cursor:pointer}
            nav.toc .count{color:#555}
            details.fold>summary{cursor:pointer;list-style-position:outside}
            details.fold>summary>:is(h2,h3,h4,h5,h6){display:inline-block;margin-bottom:0}
            details.fold[open]>summary{margin-bottom:6px}
            figure.pre{margin:10px 0 18px}
            figure.pre figcaption{font-weight:600;margin:0 0 4px}
            pre{margin:0;padding:8px 12px;background:#f5f6f7;border:1px solid #d8d8d8;border-radius:4px;overflow-x:auto;\
            font:13px/1.45 ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace}
            .table-wrap{overflow-x:auto;margin:10px 0 18px}
            table{border-collapse:collapse;font-size:.92em;font-variant-numeric:tabular-nums}
            caption{caption-side:top;text-align:left;font-weight:600;padding:4px 0}
            th,td{padding:4px 10px;border-bottom:1px solid #ddd;vertical-align:top}
            thead th{border-bottom:2px solid #555;background:#f0f1f2}
            .l{text-align:left}
            .r{text-align:right;white-space:nowrap}
            tbody tr:nth-child(even){background:#fafafa}
            tbody tr.st-ok{background:#eaf6ee}
            tbody tr.st-ok td:first-child{border-left:3px solid #1b7f3b}
            tbody tr.st-warn{background:#fff3dc}
            tbody tr.st-warn td:first-child{border-left:5px dashed #a15c00}
            tbody tr.st-fail{background:#fde7ea;font-weight:600}
            tbody tr.st-fail td:first-child{border-left:6px double #b00020}
            figure.chart{margin:14px 0 24px}
            figure.chart figcaption{font-weight:600;margin:0 0 4px}
            figure.chart svg{display:block;width:100%;max-width:800px;height:auto;overflow:visible}
            svg text{font-family:inherit}
            .verdict{border:2px solid;border-radius:4px;padding:10px 16px;margin:12px 0 18px}
            .verdict ul{margin:6px 0 0;padding-left:1.4em}
            .verdict-pass{border-color:#1b7f3b;background:#eaf6ee}
            .verdict-warn{border-color:#a15c00;border-style:dashed;background:#fff3dc}
            .verdict-fail{border-color:#b00020;border-width:5px;border-style:double;background:#fde7ea}
            .verdict-head{margin:0;font-size:1.15em;font-weight:600}
            .verdict-word{display:inline-block;margin-right:10px;padding:0 8px;border:2px solid currentColor;\
            border-radius:3px;letter-spacing:.08em}
            .verdict-pass .verdict-word{color:#1b7f3b}
            .verdict-warn .verdict-word{color:#8a4f00}
            .verdict-fail .verdict-word{color:#b00020}
            @media (max-width:640px){body{padding:12px;font-size:14px}dl.kv{grid-template-columns:minmax(0,1fr)}\
            dl.kv dd{margin-bottom:6px}}
            @page{size:A4;margin:14mm 12mm}
            @media print{body{max-width:none;padding:0;font-size:10pt}\
            *{-webkit-print-color-adjust:exact;print-color-adjust:exact}\
            a{color:inherit;text-decoration:none}nav.toc{background:none}\
            figure.chart,table,.verdict,dl.kv{break-inside:avoid;page-break-inside:avoid}\
            tr{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}\
            h2,h3,h4,h5,h6,caption,figcaption{break-after:avoid;page-break-after:avoid}\
            figure.chart svg{max-width:100%}.table-wrap{overflow:visible}\
            details::details-content{content-visibility:visible;display:block}\
            details>summary{list-style:none}pre{white-space:pre-wrap;overflow-wrap:anywhere}}
            """;

    private Stylesheet() {
    }
}
