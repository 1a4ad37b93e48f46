package dev.scorecard.train.export;

import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.UnseenPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The column and CTE names of one export, fixed by a deterministic rule (docs/export-sql.md).
 *
 * <p>Each characteristic gets a <em>stem</em>: its name with ASCII letters lower-cased, every run of
 * other characters (anything but {@code a-z} and {@code 0-9}) turned into one {@code _}, leading and
 * trailing {@code _} dropped, {@code c<position>} when nothing is left, and cut to
 * {@value #MAX_STEM} characters so that {@code points_<stem>} fits PostgreSQL's 63-byte identifiers.
 * A stem is then made unique, in model order, by appending {@code _2}, {@code _3}, …: unique among
 * the stems and such that none of the names built on it ({@code points_}, {@code bin_},
 * {@code level_}, {@code woe_}, {@code reason_}, {@code loss_}, {@code rank_} + stem) equals an id
 * column ignoring case (DuckDB compares names ignoring case). The fixed output names
 * ({@code score}, {@code probability}, {@code grade}, {@code reason1..N}, {@code warnings},
 * {@code rejected}) must not be taken by an id column; internal ones ({@code eta} and the CTE names)
 * get a suffix when they are.
 */
final class SqlNames {
    /** The longest stem: 63 bytes (PostgreSQL's limit) less the longest prefix, {@code points_}. */
    static final int MAX_STEM = 56;
    private static final List<String> PREFIXES = List.of("points_", "bin_", "level_", "woe_", "reason_", "loss_", "rank_");

    final List<String> ids;
    final List<String> stems;
    final String score = "score";
    final String probability = "probability";
    final String grade = "grade";
    final String warnings = "warnings";
    final String rejected = "rejected";
    final List<String> reasons;
    final String eta;
    final String binsCte;
    final String pointsCte;
    final String sumsCte;
    final String ranksCte;

    private SqlNames(List<String> ids, List<String> stems, List<String> reasons, String eta, String binsCte,
            String pointsCte, String sumsCte, String ranksCte) {
        this.ids = ids;
        this.stems = stems;
        this.reasons = reasons;
        this.eta = eta;
        this.binsCte = binsCte;
        this.pointsCte = pointsCte;
        this.sumsCte = sumsCte;
        this.ranksCte = ranksCte;
    }

    /**
     * @throws IllegalArgumentException when an id column takes the name of an output column
     */
    static SqlNames of(ScorecardModel model, SqlOptions options) {
        Set<String> taken = new HashSet<>();
        for (String id : options.idColumns()) {
            taken.add(fold(id));
        }
        List<String> fixed = new ArrayList<>(List.of("score", "probability", "grade"));
        List<String> reasons = new ArrayList<>();
        for (int i = 1; i <= options.reasons(); i++) {
            reasons.add("reason" + i);
        }
        fixed.addAll(reasons);
        fixed.add("warnings");
        if (model.unseen() == UnseenPolicy.REJECT) {
            fixed.add("rejected");
        }
        for (String f : fixed) {
            if (taken.contains(f)) {
                String id = options.idColumns().stream().filter(x -> fold(x).equals(f)).findFirst().orElseThrow();
                throw new IllegalArgumentException("id: column '" + id + "' has the name of an output column of the SQL "
                        + "export (" + String.join(", ", fixed) + ", points_*); select it under another name in a view");
            }
        }
        taken.addAll(fixed);
        String eta = free("eta", taken);
        List<String> stems = new ArrayList<>();
        List<Characteristic> cs = model.characteristics();
        for (int k = 0; k < cs.size(); k++) {
            String base = sanitise(cs.get(k).name(), k + 1);
            String stem = base;
            for (int n = 2; !allFree(stem, taken); n++) {
                String suffix = "_" + n;
                stem = cut(base, MAX_STEM - suffix.length()) + suffix;
            }
            for (String p : PREFIXES) {
                taken.add(p + stem);
            }
            stems.add(stem);
        }
        // CTE names share a namespace with tables, not columns: they only have to differ from the input table.
        String[] parts = options.table().split("\\.", -1);
        Set<String> tables = new HashSet<>(Set.of(fold(parts[parts.length - 1])));
        return new SqlNames(options.idColumns(), List.copyOf(stems), List.copyOf(reasons), eta,
                free("sc_bins", tables), free("sc_points", tables), free("sc_sums", tables), free("sc_ranks", tables));
    }

    /** @return the stem of a characteristic name before it is made unique */
    static String sanitise(String name, int position) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                sb.append((char) (ch + ('a' - 'A')));
            } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                sb.append(ch);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        String s = cut(sb.toString(), MAX_STEM);
        return s.isEmpty() ? "c" + position : s;
    }

    /** @return {@code s} cut to {@code max} characters, without a trailing {@code _} */
    private static String cut(String s, int max) {
        String t = s.length() > max ? s.substring(0, max) : s;
        int end = t.length();
        while (end > 0 && t.charAt(end - 1) == '_') {
            end--;
        }
        return t.substring(0, end);
    }

    private static boolean allFree(String stem, Set<String> taken) {
        for (String p : PREFIXES) {
            if (taken.contains(p + stem)) {
                return false;
            }
        }
        return true;
    }

    private static String free(String name, Set<String> taken) {
        String n = name;
        for (int i = 2; taken.contains(n); i++) {
            n = name + "_" + i;
        }
        taken.add(n);
        return n;
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    String points(int k) {
        return "points_" + stems.get(k);
    }

    String bin(int k) {
        return "bin_" + stems.get(k);
    }

    String level(int k) {
        return "level_" + stems.get(k);
    }

    String woe(int k) {
        return "woe_" + stems.get(k);
    }

    String reason(int k) {
        return "reason_" + stems.get(k);
    }

    String loss(int k) {
        return "loss_" + stems.get(k);
    }

    String rank(int k) {
        return "rank_" + stems.get(k);
    }
}
