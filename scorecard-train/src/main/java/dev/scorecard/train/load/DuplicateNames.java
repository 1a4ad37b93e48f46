package dev.scorecard.train.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names given more than once, with their 1-based positions, for the header's and {@code names}' errors. */
final class DuplicateNames {
    private DuplicateNames() {
    }

    /**
     * @param names the names in order
     * @param what what a position is called, e.g. {@code columns}
     * @return e.g. {@code 'age' (columns 1, 3 and 4)}, one entry per repeated name, in order of first use
     */
    static List<String> of(List<String> names, String what) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            positions.computeIfAbsent(names.get(i), k -> new ArrayList<>()).add(i + 1);
        }
        List<String> out = new ArrayList<>();
        positions.forEach((name, at) -> {
            if (at.size() > 1) {
                StringBuilder sb = new StringBuilder("'").append(name).append("' (").append(what).append(' ');
                for (int k = 0; k < at.size(); k++) {
                    sb.append(k == 0 ? "" : k == at.size() - 1 ? " and " : ", ").append(at.get(k));
                }
                out.add(sb.append(')').toString());
            }
        });
        return out;
    }
}
