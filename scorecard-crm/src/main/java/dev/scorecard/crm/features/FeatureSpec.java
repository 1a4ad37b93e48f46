package dev.scorecard.crm.features;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.NearestName;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.spec.YamlNode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A features spec: which point-in-time features to compute for each lead from its events, read from
 * YAML (docs/features.md). Every problem is reported with the file, the line and the key.
 *
 * @param file the spec's file, for messages
 * @param zone the zone of calendar days and local times, when the spec sets one
 * @param eventTypes the event types the log may hold, when the spec lists them (others are rejected)
 * @param duplicates what repeated lines count for, when the spec says
 * @param groups named groups of event types
 * @param features the features, in output order
 */
public record FeatureSpec(String file, Optional<ZoneId> zone, Optional<List<String>> eventTypes,
        Optional<DuplicatePolicy> duplicates, Map<String, List<String>> groups, List<FeatureDef> features) {
    /** The type selector that means every type. */
    public static final String ANY = "any";
    /** The window that means every event up to the as-of instant. */
    public static final String EVER = "ever";
    /** The longest window, in days (ten years). */
    public static final int MAX_WINDOW_DAYS = 3660;

    private static final Pattern WINDOW = Pattern.compile("([0-9]{1,4})d");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final List<String> TOP_KEYS = List.of("timezone", "eventTypes", "duplicates", "groups", "features");

    /** Copies. */
    public FeatureSpec {
        Objects.requireNonNull(file, "file");
        eventTypes = eventTypes.map(List::copyOf);
        groups = Map.copyOf(groups);
        features = List.copyOf(features);
    }

    /**
     * @param file a YAML spec
     * @return the spec
     * @throws InputDataException naming the line and key of the first problem
     */
    public static FeatureSpec read(Path file) {
        return of(YamlNode.read(file));
    }

    /**
     * @param root a YAML document
     * @return the spec it holds
     * @throws InputDataException naming the line and key of the first problem
     */
    public static FeatureSpec of(YamlNode root) {
        if (root.kind() != YamlNode.Kind.MAP) {
            throw root.error("a features spec holds keys " + String.join(", ", TOP_KEYS) + "; found no keys");
        }
        root.allowOnly(TOP_KEYS);
        Optional<ZoneId> zone = readZone(root);
        Optional<List<String>> eventTypes = root.get("eventTypes").map(n -> names(n, "an event type"));
        Optional<DuplicatePolicy> duplicates = readDuplicates(root);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Optional<YamlNode> g = root.get("groups");
        if (g.isPresent()) {
            for (Map.Entry<String, YamlNode> e : g.get().entries().entrySet()) {
                YamlNode n = e.getValue();
                if (e.getKey().equals(ANY)) {
                    throw n.error("'any' means every event type and cannot name a group");
                }
                if (eventTypes.isPresent() && eventTypes.get().contains(e.getKey())) {
                    throw n.error("group '" + e.getKey() + "' has the name of an event type");
                }
                List<String> members = names(n, "an event type");
                for (int i = 0; i < members.size(); i++) {
                    requireType(members.get(i), eventTypes, Map.of(), n.items().get(Math.min(i, n.items().size() - 1)));
                }
                groups.put(e.getKey(), members);
            }
        }
        YamlNode list = root.get("features").orElseThrow(() -> root.error("no 'features' list; a spec needs at least one"));
        List<FeatureDef> features = new ArrayList<>();
        Set<String> namesSeen = new HashSet<>();
        for (YamlNode item : list.items()) {
            FeatureDef f = feature(item, eventTypes, groups);
            if (!namesSeen.add(f.name())) {
                throw item.error("feature name '" + f.name() + "' is used twice");
            }
            features.add(f);
        }
        if (features.isEmpty()) {
            throw list.error("the features list is empty");
        }
        for (int i = 0; i < features.size(); i++) {
            FeatureDef f = features.get(i);
            if (f.kind() == FeatureKind.RATIO) {
                for (String part : f.ratio()) {
                    Optional<FeatureDef> d = features.stream().filter(x -> x.name().equals(part)).findFirst();
                    YamlNode at = list.items().get(i);
                    if (d.isEmpty()) {
                        throw at.error("ratio of '" + part + "', which is not a feature of this spec"
                                + NearestName.didYouMean(part, features.stream().map(FeatureDef::name).toList()));
                    }
                    if (!d.get().kind().numeric() || d.get().kind() == FeatureKind.RATIO) {
                        throw at.error("ratio of '" + part + "', a " + d.get().kind().key()
                                + " feature; a ratio divides two features that count, sum or measure events");
                    }
                }
            }
        }
        return new FeatureSpec(root.file(), zone, eventTypes, duplicates, groups, features);
    }

    private static FeatureDef feature(YamlNode item, Optional<List<String>> eventTypes, Map<String, List<String>> groups) {
        Map<String, YamlNode> e = item.entries();
        List<String> allowed = new ArrayList<>(List.of("name", "window", "where", "of", "rank", "whenZero"));
        allowed.addAll(FeatureKind.keys());
        item.allowOnly(allowed);
        String name = item.get("name").orElseThrow(() -> item.error("no 'name'")).text();
        if (!NAME.matcher(name).matches() || name.equals(EventLog.LEAD)) {
            throw e.get("name").error("'" + name + "' cannot name a column: use letters, digits, _ . - and not "
                    + EventLog.LEAD);
        }
        List<FeatureKind> kinds = FeatureKind.keys().stream().filter(e::containsKey).map(k -> FeatureKind.ofKey(k).get()).toList();
        if (kinds.size() != 1) {
            throw item.error("feature '" + name + "' needs exactly one of " + String.join(", ", FeatureKind.keys())
                    + (kinds.isEmpty() ? "" : "; found " + String.join(", ", kinds.stream().map(FeatureKind::key).toList())));
        }
        FeatureKind kind = kinds.get(0);
        YamlNode what = e.get(kind.key());
        List<String> types = List.of();
        String property = "";
        String attribute = "";
        List<String> ratio = List.of();
        switch (kind) {
            case DISTINCT, TOP -> {
                property = what.text();
                types = e.containsKey("of") ? typeList(e.get("of"), eventTypes, groups) : List.of();
            }
            case ATTRIBUTE -> attribute = what.text();
            case RATIO -> {
                ratio = names(what, "a feature name");
                if (ratio.size() != 2) {
                    throw what.error("a ratio is [numerator, denominator]: two feature names");
                }
            }
            case DAYS_SINCE_CREATED -> {
                if (!what.text().equals("true")) {
                    throw what.error("write daysSinceCreated: true");
                }
            }
            default -> types = typeList(what, eventTypes, groups);
        }
        if (e.containsKey("of") && kind != FeatureKind.DISTINCT && kind != FeatureKind.TOP) {
            throw e.get("of").error("'of' chooses the event types of distinct and top; " + kind.key()
                    + " names its types itself");
        }
        int window = 0;
        if (e.containsKey("window")) {
            YamlNode w = e.get("window");
            if (!kind.windowed()) {
                throw w.error("a " + kind.key() + " feature has no window");
            }
            window = window(w);
        }
        Map<String, String> where = new LinkedHashMap<>();
        if (e.containsKey("where")) {
            YamlNode w = e.get("where");
            if (!kind.readsEvents()) {
                throw w.error("a " + kind.key() + " feature reads no events to filter");
            }
            for (Map.Entry<String, YamlNode> c : w.entries().entrySet()) {
                where.put(c.getKey(), c.getValue().text());
            }
        }
        int rank = 1;
        if (e.containsKey("rank")) {
            YamlNode r = e.get("rank");
            if (kind != FeatureKind.TOP) {
                throw r.error("'rank' belongs to top features");
            }
            long v = r.integer();
            if (v < 1 || v > 100) {
                throw r.error("rank " + v + " is out of range; expected 1 (the most frequent value) to 100");
            }
            rank = (int) v;
        }
        OptionalDouble whenZero = OptionalDouble.empty();
        if (e.containsKey("whenZero")) {
            YamlNode z = e.get("whenZero");
            if (kind != FeatureKind.RATIO) {
                throw z.error("'whenZero' belongs to ratio features");
            }
            if (!z.text().equals("missing")) {
                whenZero = OptionalDouble.of(z.number());
            }
        }
        return new FeatureDef(name, kind, types, window, where, property, rank, ratio, whenZero, attribute, item.line());
    }

    private static int window(YamlNode w) {
        String t = w.text();
        int days = windowDays(t);
        if (days < 0) {
            throw w.error("window '" + t + "' is not a number of days from 1d to " + MAX_WINDOW_DAYS + "d, or ever");
        }
        return days;
    }

    /**
     * @param root a spec's top level (a features spec or rules)
     * @return its {@code timezone}, if given
     * @throws InputDataException naming the line when it is not a zone
     */
    public static Optional<ZoneId> readZone(YamlNode root) {
        return root.get("timezone").map(n -> {
            try {
                return ZoneId.of(n.text());
            } catch (DateTimeException e) {
                throw n.error("'" + n.text() + "' is not a time zone (e.g. Asia/Shanghai, Europe/Berlin, UTC)");
            }
        });
    }

    /**
     * @param root a spec's top level (a features spec or rules)
     * @return its {@code duplicates} policy, if given
     * @throws InputDataException naming the line when it is not one
     */
    public static Optional<DuplicatePolicy> readDuplicates(YamlNode root) {
        return root.get("duplicates").map(n -> {
            try {
                return DuplicatePolicy.fromConfig(n.text());
            } catch (IllegalArgumentException e) {
                throw n.error(e.getMessage());
            }
        });
    }

    /**
     * @param text a window as the specs write it: {@code 7d} (1 to {@value #MAX_WINDOW_DAYS} days) or
     *     {@code ever}
     * @return its days, 0 for ever, -1 when it is not a window
     */
    public static int windowDays(String text) {
        if (text.equals(EVER)) {
            return 0;
        }
        Matcher m = WINDOW.matcher(text);
        int days = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        return days < 1 || days > MAX_WINDOW_DAYS ? -1 : days;
    }

    private static List<String> typeList(YamlNode n, Optional<List<String>> eventTypes, Map<String, List<String>> groups) {
        List<String> types = names(n, "an event type");
        if (types.contains(ANY)) {
            if (types.size() > 1) {
                throw n.error("'any' already means every event type; list types or write any alone");
            }
            return List.of();
        }
        for (int i = 0; i < types.size(); i++) {
            requireType(types.get(i), eventTypes, groups, n.items().get(i));
        }
        return types;
    }

    private static void requireType(String type, Optional<List<String>> eventTypes, Map<String, List<String>> groups,
            YamlNode at) {
        if (eventTypes.isPresent() && !eventTypes.get().contains(type) && !groups.containsKey(type)) {
            Set<String> known = new LinkedHashSet<>(eventTypes.get());
            known.addAll(groups.keySet());
            throw at.error("'" + type + "' is neither one of the eventTypes nor a group" + NearestName.didYouMean(type, known));
        }
    }

    private static List<String> names(YamlNode n, String what) {
        List<String> out = new ArrayList<>();
        for (YamlNode i : n.items()) {
            String t = i.text();
            if (t.isBlank()) {
                throw i.error("an empty name where " + what + " belongs");
            }
            if (out.contains(t)) {
                throw i.error("'" + t + "' is listed twice");
            }
            out.add(t);
        }
        return out;
    }

    /**
     * @param f a feature reading events
     * @return the event types it reads, with groups expanded; empty for any type
     */
    public Set<String> expand(FeatureDef f) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : f.types()) {
            out.addAll(groups.getOrDefault(t, List.of(t)));
        }
        return out;
    }

    /** @return the event properties the features look at, in order of first use */
    public List<String> properties() {
        return properties(features);
    }

    /**
     * @param names the features wanted
     * @return this spec with only those features and, for a ratio, the features it divides, in this
     *     spec's order
     */
    public FeatureSpec only(Set<String> names) {
        Set<String> keep = new java.util.HashSet<>(names);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (FeatureDef f : features) {
                if (keep.contains(f.name()) && f.kind() == FeatureKind.RATIO) {
                    grew |= keep.addAll(f.ratio());
                }
            }
        }
        return new FeatureSpec(file, zone, eventTypes, duplicates, groups, features.stream().filter(f -> keep.contains(
                f.name())).toList());
    }

    private static List<String> properties(List<FeatureDef> features) {
        Set<String> out = new LinkedHashSet<>();
        for (FeatureDef f : features) {
            if (!f.property().isEmpty()) {
                out.add(f.property());
            }
            out.addAll(new java.util.TreeSet<>(f.where().keySet()));
        }
        return List.copyOf(out);
    }
}
