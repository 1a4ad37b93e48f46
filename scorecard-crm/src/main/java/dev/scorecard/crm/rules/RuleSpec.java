package dev.scorecard.crm.rules;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.NearestName;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.features.FeatureSpec;
import dev.scorecard.crm.spec.Hundredths;
import dev.scorecard.crm.spec.ScoreBands;
import dev.scorecard.crm.spec.YamlNode;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * A rule set as read from its YAML file and checked: behaviour levels, points per event, decay,
 * caps, conditions, the channel's weight, the 10-point cut-offs and the grades. Points are held in
 * hundredths (cents) so that every sum is exact; a YAML number with more than two decimals is an
 * error. Conditions are kept as text here and compiled once the leads' columns are known
 * ({@link CompiledRules}).
 *
 * @param file the YAML file
 * @param zone the zone days are counted in, if the file says
 * @param duplicates what repeated event lines count for, if the file says
 * @param eventTypes the event types allowed, if the file lists them
 * @param features the features spec whose values conditions may use, if any
 * @param levels each level's event types, in file order
 * @param points the point rules, in file order: the first that matches an event gives its points
 * @param decay per event type, level or {@code default}: how points fade
 * @param caps the caps
 * @param channelWeight the channel score (0–10) enters as {@code score × 10 × weight} points
 * @param conditions the conditions, in file order
 * @param defaultTier the tier of a lead that no condition gives one
 * @param bands the 10-point score's bounds and the grades ({@link ScoreBands}, which a blend reads alike)
 * @param grades the grades, best first, as {@code bands} has them
 * @param stages the lifecycle stage rules, in order: the first that holds gives the stage
 */
record RuleSpec(String file, Optional<ZoneId> zone, Optional<DuplicatePolicy> duplicates,
        Optional<List<String>> eventTypes, Optional<FeatureSpec> features, Map<String, List<String>> levels,
        List<PointRule> points, Map<String, Decay> decay, Caps caps, double channelWeight, List<Condition> conditions,
        String defaultTier, ScoreBands bands, List<Grade> grades, List<StageRule> stages) {

    /** The decay entry every type without its own (or its level's) falls back to. */
    static final String DEFAULT = "default";
    /** The intent tiers, highest first. */
    static final List<String> TIERS = List.of("high", "medium", "low");

    private static final List<String> TOP_KEYS = List.of("timezone", "duplicates", "eventTypes", "features", "levels",
            "points", "decay", "caps", "channel", "conditions", "defaultTier", "score10", "grades", "stages");
    /** The lifecycle stages. */
    static final List<String> STAGES = List.of("new", "nurturing", "sales-ready", "following", "won", "repeat", "dormant");
    /** The follow-up statuses of a lead in the following stage. */
    static final List<String> FOLLOW_UP = List.of("to contact", "contacting", "intent unclear", "intent clear",
            "payment booked", "won");
    /**
     * The stages when the file gives none: won once paid; dormant after 60 days without an event (or
     * with none at all 60 days after creation) or 90 days after creation without high intent,
     * leaving it with the next high-intent behaviour; sales-ready at the best grade or a high tier;
     * nurturing once it has done something; else new.
     */
    static final List<String[]> DEFAULT_STAGES = List.of(
            new String[] {"won", "paid"},
            new String[] {"dormant", "tier != 'high' and (daysSince(any) > 60 or count(any) == 0 and registeredDays > 60"
                    + " or registeredDays > 90 and count(any, 30d) == 0)"},
            new String[] {"sales-ready", "tier == 'high' or grade == bestGrade"},
            new String[] {"nurturing", "count(any) >= 1"},
            new String[] {"new", "true"});

    /**
     * @param type the event type
     * @param where property values the event must have, by property
     * @param cents the points, in hundredths
     * @param line the rule's line in the file
     */
    record PointRule(String type, Map<String, String> where, long cents, long line) {
    }

    /** How an event's points fade with its age as of the run. */
    sealed interface Decay permits NoDecay, HalfLife, Steps {
    }

    /** Points that never fade. */
    record NoDecay() implements Decay {
    }

    /** Points that halve every {@code days} days of age (continuous, from the event's instant). */
    record HalfLife(double days) implements Decay {
    }

    /**
     * Points times the factor of the first window (calendar days back from the as-of instant, as the
     * features' windows) the event lies in; none after the last.
     */
    record Steps(int[] days, double[] factors) implements Decay {
    }

    /**
     * Caps in cents, by event type or level; -1 where none.
     *
     * @param perTypePerDay the most a type's events give in one calendar day, before decay (first come)
     * @param perType the most a type's decayed points give in total
     * @param perLevel the most a level's points give, after its types' caps
     * @param total the most the rule points (levels and conditions) give, if capped
     */
    record Caps(Map<String, Long> perTypePerDay, Map<String, Long> perType, Map<String, Long> perLevel,
            OptionalLong total) {
    }

    /**
     * @param name how explanations name it
     * @param when the condition's text
     * @param cents the extra points when it holds (may be 0 or negative)
     * @param tags the tags it gives
     * @param tier the tier it gives, or empty
     * @param line its line in the file
     */
    record Condition(String name, String when, long cents, List<String> tags, Optional<String> tier, long line) {
    }

    /**
     * A stage rule.
     *
     * @param stage one of {@link #STAGES}
     * @param when its condition, which may also use {@code score}, {@code score10}, {@code grade},
     *     {@code tier} and {@code bestGrade}
     * @param status for {@code following}: the leads column holding the follow-up status, or empty
     * @param line its line in the file (0 for the defaults)
     */
    record StageRule(String stage, String when, Optional<String> status, long line) {
    }

    /** A grade and the lowest score100 (in cents) that earns it. */
    record Grade(String name, long fromCents) {
    }

    /**
     * @param path a rules YAML file
     * @return the checked rule set
     * @throws InputDataException naming the line and key of the first problem
     */
    static RuleSpec read(Path path) {
        YamlNode root = YamlNode.read(path);
        if (root.kind() != YamlNode.Kind.MAP) {
            throw root.error("a rules file holds keys " + String.join(", ", TOP_KEYS) + "; found no keys");
        }
        root.allowOnly(TOP_KEYS);
        Optional<ZoneId> zone = FeatureSpec.readZone(root);
        Optional<DuplicatePolicy> duplicates = FeatureSpec.readDuplicates(root);
        Optional<List<String>> eventTypes = root.get("eventTypes").map(n -> names(n));
        Optional<FeatureSpec> features = root.get("features").map(n -> {
            Path f = path.toAbsolutePath().getParent().resolve(n.text());
            return FeatureSpec.read(f);
        });
        if (features.isPresent() && zone.isPresent() && features.get().zone().isPresent()
                && !features.get().zone().get().equals(zone.get())) {
            throw root.get("features").get().error("the features spec counts days in " + features.get().zone().get()
                    + ", these rules in " + zone.get() + ": give one zone");
        }
        Map<String, List<String>> levels = levels(root, eventTypes);
        Map<String, String> levelOf = new HashMap<>();
        levels.forEach((l, types) -> types.forEach(t -> levelOf.put(t, l)));
        List<PointRule> points = points(root, levelOf);
        Map<String, Decay> decay = decay(root, levels, levelOf);
        Caps caps = caps(root, levels, levelOf, points);
        double weight = 1;
        Optional<YamlNode> channel = root.get("channel");
        if (channel.isPresent()) {
            channel.get().allowOnly(List.of("weight"));
            Optional<YamlNode> w = channel.get().get("weight");
            if (w.isPresent()) {
                weight = w.get().number();
                if (weight < 0 || weight > 1) {
                    throw w.get().error("weight " + w.get().text() + " is outside 0 to 1 (1: the channel score times 10"
                            + " is the start value)");
                }
            }
        }
        String defaultTier = root.get("defaultTier").map(n -> tier(n)).orElse("low");
        List<Condition> conditions = conditions(root);
        ScoreBands bands = ScoreBands.read(root);
        List<Grade> grades = bands.grades().stream().map(g -> new Grade(g.name(), g.fromCents())).toList();
        List<StageRule> stages = stages(root);
        return new RuleSpec(root.file(), zone, duplicates, eventTypes, features, levels, points, decay, caps, weight,
                conditions, defaultTier, bands, grades, stages);
    }

    /** @return the ten upper bounds of the 10-point score, in cents */
    long[] score10() {
        return bands.bounds();
    }

    /** @return every event type the rules name, in level order */
    List<String> types() {
        List<String> out = new ArrayList<>();
        levels.values().forEach(out::addAll);
        return out;
    }

    /** @return the properties the point rules look at, sorted */
    List<String> properties() {
        Set<String> out = new java.util.TreeSet<>();
        points.forEach(p -> out.addAll(p.where().keySet()));
        return List.copyOf(out);
    }

    private static Map<String, List<String>> levels(YamlNode root, Optional<List<String>> eventTypes) {
        YamlNode node = root.get("levels").orElseThrow(() -> root.error("no 'levels': group the scored event types "
                + "into behaviour levels, e.g. levels: {A: [trial_booked], B: [course_view]}"));
        Map<String, List<String>> levels = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
            List<String> types = names(e.getValue());
            for (int i = 0; i < types.size(); i++) {
                String t = types.get(i);
                YamlNode at = e.getValue().items().get(Math.min(i, e.getValue().items().size() - 1));
                if (eventTypes.isPresent() && !eventTypes.get().contains(t)) {
                    throw at.error("'" + t + "' is not one of the eventTypes" + NearestName.didYouMean(t, eventTypes.get()));
                }
                String before = seen.put(t, e.getKey());
                if (before != null) {
                    throw at.error("'" + t + "' is already in level " + before + "; a type belongs to one level");
                }
            }
            levels.put(e.getKey(), types);
        }
        for (String l : levels.keySet()) {
            if (seen.containsKey(l) || l.equals("any")) {
                throw node.error("level '" + l + "' has the name of an event type (or 'any'): name levels apart");
            }
        }
        if (levels.isEmpty()) {
            throw node.error("no levels");
        }
        return levels;
    }

    private static List<PointRule> points(YamlNode root, Map<String, String> levelOf) {
        YamlNode list = root.get("points").orElseThrow(() -> root.error("no 'points': a list such as "
                + "- {event: course_view, points: 5}"));
        List<PointRule> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            item.allowOnly(List.of("event", "where", "points"));
            YamlNode ev = item.get("event").orElseThrow(() -> item.error("no 'event'"));
            String type = ev.text();
            if (!levelOf.containsKey(type)) {
                throw ev.error("'" + type + "' is in no level; put every scored type in one"
                        + NearestName.didYouMean(type, levelOf.keySet()));
            }
            Map<String, String> where = new TreeMap<>();
            item.get("where").ifPresent(w -> w.entries().forEach((k, v) -> where.put(k, v.text())));
            long cents = cents(item.get("points").orElseThrow(() -> item.error("no 'points'")));
            for (PointRule before : out) {
                if (before.type().equals(type) && where.entrySet().containsAll(before.where().entrySet())) {
                    throw item.error("never used: the rule on line " + before.line() + " already gives every " + type
                            + (where.isEmpty() ? "" : " with " + where) + " its points (the first rule that matches wins;"
                            + " put the narrower one first)");
                }
            }
            out.add(new PointRule(type, Map.copyOf(where), cents, item.line()));
        }
        return out;
    }

    private static Map<String, Decay> decay(YamlNode root, Map<String, List<String>> levels, Map<String, String> levelOf) {
        Map<String, Decay> out = new LinkedHashMap<>();
        Optional<YamlNode> node = root.get("decay");
        if (node.isEmpty()) {
            return out;
        }
        for (Map.Entry<String, YamlNode> e : node.get().entries().entrySet()) {
            String key = e.getKey();
            YamlNode n = e.getValue();
            if (!key.equals(DEFAULT) && !levels.containsKey(key) && !levelOf.containsKey(key)) {
                List<String> known = new ArrayList<>(levels.keySet());
                known.addAll(levelOf.keySet());
                throw n.error("'" + key + "' is neither a level, a scored event type nor default"
                        + NearestName.didYouMean(key, known));
            }
            out.put(key, decayOf(n));
        }
        return out;
    }

    private static Decay decayOf(YamlNode n) {
        if (n.kind() == YamlNode.Kind.SCALAR) {
            if (!n.text().equals("none")) {
                throw n.error("expected none, {halfLife: 30d} or {steps: [{within: 7d, factor: 1}, …]}");
            }
            return new NoDecay();
        }
        n.allowOnly(List.of("halfLife", "steps"));
        Optional<YamlNode> half = n.get("halfLife");
        Optional<YamlNode> steps = n.get("steps");
        if (half.isPresent() == steps.isPresent()) {
            throw n.error("give one of halfLife and steps");
        }
        if (half.isPresent()) {
            int days = FeatureSpec.windowDays(half.get().text());
            if (days <= 0) {
                throw half.get().error("half-life '" + half.get().text() + "' is not a number of days such as 30d");
            }
            return new HalfLife(days);
        }
        List<YamlNode> items = steps.get().items();
        int[] days = new int[items.size()];
        double[] factors = new double[items.size()];
        for (int i = 0; i < items.size(); i++) {
            YamlNode s = items.get(i);
            s.allowOnly(List.of("within", "factor"));
            YamlNode w = s.get("within").orElseThrow(() -> s.error("no 'within' (e.g. 7d)"));
            days[i] = FeatureSpec.windowDays(w.text());
            if (days[i] <= 0) {
                throw w.error("'" + w.text() + "' is not a number of days such as 7d");
            }
            if (i > 0 && days[i] <= days[i - 1]) {
                throw w.error("steps go from the shortest window to the longest; " + w.text() + " follows "
                        + days[i - 1] + "d");
            }
            YamlNode f = s.get("factor").orElseThrow(() -> s.error("no 'factor' (e.g. 0.5)"));
            factors[i] = f.number();
            if (factors[i] < 0 || factors[i] > 1) {
                throw f.error("factor " + f.text() + " is outside 0 to 1");
            }
        }
        if (items.isEmpty()) {
            throw steps.get().error("no steps");
        }
        return new Steps(days, factors);
    }

    private static Caps caps(YamlNode root, Map<String, List<String>> levels, Map<String, String> levelOf,
            List<PointRule> points) {
        Optional<YamlNode> node = root.get("caps");
        if (node.isEmpty()) {
            return new Caps(Map.of(), Map.of(), Map.of(), OptionalLong.empty());
        }
        YamlNode n = node.get();
        n.allowOnly(List.of("perTypePerDay", "perType", "perLevel", "total"));
        Map<String, Long> perDay = capMap(n.get("perTypePerDay"), levelOf.keySet(), "a scored event type", points, levels);
        Map<String, Long> perType = capMap(n.get("perType"), levelOf.keySet(), "a scored event type", points, levels);
        Map<String, Long> perLevel = capMap(n.get("perLevel"), levels.keySet(), "a level", points, levels);
        for (Map.Entry<String, Long> e : perLevel.entrySet()) {
            List<String> types = levels.get(e.getKey());
            if (types.stream().allMatch(perType::containsKey)) {
                long sum = types.stream().mapToLong(perType::get).sum();
                if (sum <= e.getValue()) {
                    throw n.get("perLevel").get().entries().get(e.getKey()).error("never binds: the level's types are "
                            + "capped at " + Cents.format(sum) + " together");
                }
            }
        }
        OptionalLong total = OptionalLong.empty();
        Optional<YamlNode> t = n.get("total");
        if (t.isPresent()) {
            long c = cents(t.get());
            if (c <= 0) {
                throw t.get().error("a cap is above 0");
            }
            if (c >= 100_00) {
                throw t.get().error("never binds: the score is clamped to 100 anyway");
            }
            total = OptionalLong.of(c);
        }
        return new Caps(perDay, perType, perLevel, total);
    }

    private static Map<String, Long> capMap(Optional<YamlNode> node, Set<String> known, String what,
            List<PointRule> points, Map<String, List<String>> levels) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (node.isEmpty()) {
            return out;
        }
        for (Map.Entry<String, YamlNode> e : node.get().entries().entrySet()) {
            String key = e.getKey();
            YamlNode v = e.getValue();
            if (!known.contains(key)) {
                throw v.error("'" + key + "' is not " + what + NearestName.didYouMean(key, known));
            }
            long c = cents(v);
            if (c <= 0) {
                throw v.error("a cap is above 0");
            }
            List<String> types = levels.getOrDefault(key, List.of(key));
            if (points.stream().noneMatch(p -> types.contains(p.type()) && p.cents() > 0)) {
                throw v.error("never binds: no rule gives " + key + " positive points");
            }
            out.put(key, c);
        }
        return out;
    }

    private static List<Condition> conditions(YamlNode root) {
        List<Condition> out = new ArrayList<>();
        Optional<YamlNode> list = root.get("conditions");
        if (list.isEmpty()) {
            return out;
        }
        Set<String> names = new LinkedHashSet<>();
        for (YamlNode item : list.get().items()) {
            item.allowOnly(List.of("name", "when", "points", "tags", "tier"));
            String when = item.get("when").orElseThrow(() -> item.error("no 'when' (e.g. when: \"count(trial_booked, 7d)"
                    + " >= 1\")")).text();
            String name = item.get("name").map(YamlNode::text).orElse("condition " + (out.size() + 1));
            if (!names.add(name)) {
                throw item.error("condition name '" + name + "' is used twice");
            }
            long cents = item.get("points").map(RuleSpec::cents).orElse(0L);
            List<String> tags = item.get("tags").map(RuleSpec::names).orElse(List.of());
            for (String tag : tags) {
                if (!tag.matches("[A-Za-z0-9_.-]+")) {
                    throw item.get("tags").get().error("tag '" + tag + "': use letters, digits, _ . -");
                }
            }
            Optional<String> tier = item.get("tier").map(RuleSpec::tier);
            if (cents == 0 && tags.isEmpty() && tier.isEmpty()) {
                throw item.error("condition '" + name + "' gives nothing: add points, tags or a tier");
            }
            out.add(new Condition(name, when, cents, tags, tier, item.get("when").get().line()));
        }
        return out;
    }

    private static List<StageRule> stages(YamlNode root) {
        Optional<YamlNode> list = root.get("stages");
        List<StageRule> out = new ArrayList<>();
        if (list.isEmpty()) {
            DEFAULT_STAGES.forEach(d -> out.add(new StageRule(d[0], d[1], Optional.empty(), 0)));
            return out;
        }
        for (YamlNode item : list.get().items()) {
            item.allowOnly(List.of("stage", "when", "status"));
            YamlNode st = item.get("stage").orElseThrow(() -> item.error("no 'stage' (one of " + String.join(", ", STAGES)
                    + ")"));
            if (!STAGES.contains(st.text())) {
                throw st.error("'" + st.text() + "' is not a stage; the stages are " + String.join(", ", STAGES)
                        + NearestName.didYouMean(st.text(), STAGES));
            }
            String when = item.get("when").orElseThrow(() -> item.error("no 'when' (write when: \"true\" for the rest)"))
                    .text();
            Optional<String> status = item.get("status").map(YamlNode::text);
            if (status.isPresent() && !st.text().equals("following")) {
                throw item.get("status").get().error("a follow-up status belongs to the following stage");
            }
            if (!out.isEmpty() && out.get(out.size() - 1).when().strip().equals("true")) {
                throw item.error("unreachable: the stage rule before it holds for every lead");
            }
            out.add(new StageRule(st.text(), when, status, item.get("when").get().line()));
        }
        if (out.isEmpty()) {
            throw list.get().error("no stage rules");
        }
        return out;
    }

    private static String tier(YamlNode n) {
        String t = n.text();
        if (!TIERS.contains(t)) {
            throw n.error("tier '" + t + "' is not one of " + String.join(", ", TIERS));
        }
        return t;
    }

    private static long cents(YamlNode n) {
        return Hundredths.read(n);
    }

    private static List<String> names(YamlNode n) {
        List<String> out = new ArrayList<>();
        for (YamlNode i : n.items()) {
            String t = i.text();
            if (t.isBlank()) {
                throw i.error("an empty name");
            }
            if (out.contains(t)) {
                throw i.error("'" + t + "' is listed twice");
            }
            out.add(t);
        }
        return out;
    }
}
