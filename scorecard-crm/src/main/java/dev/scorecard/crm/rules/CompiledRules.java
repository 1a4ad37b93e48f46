package dev.scorecard.crm.rules;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.EventCodes;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.features.FeatureSpec;
import dev.scorecard.crm.rules.RuleSpec.Condition;
import dev.scorecard.crm.rules.RuleSpec.Decay;
import dev.scorecard.crm.rules.RuleSpec.PointRule;
import dev.scorecard.crm.spec.Expr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule set made ready for one run: its conditions compiled against the names the run offers (the
 * built-ins, the features spec's numeric features, the leads' columns), then, once the log has been
 * read, every event type code tied to its level, point rules, decay and caps.
 */
final class CompiledRules {
    /** What a condition's name or call stands for. */
    enum Source {
        REGISTERED_DAYS, PAID, CHANNEL_SCORE, FEATURE, ATTRIBUTE, POINTS_LEVEL, POINTS_TYPE, COUNT, DAYS_SINCE,
        /** The stage rules' own: the score and what it maps to. */
        SCORE, SCORE10, GRADE, TIER, BEST_GRADE
    }

    /**
     * One resolved name or call.
     *
     * @param source what it reads
     * @param index the feature, attribute, level or call index
     * @param types for counts and recency: the event types it looks at, empty for any
     * @param windowDays for counts: the window, 0 for ever
     * @param type for a type's points: the type
     */
    record Binding(Source source, int index, Set<String> types, int windowDays, String type) {
    }

    final RuleSpec spec;
    final List<String> levelNames;
    final List<Binding> bindings = new ArrayList<>();
    /** The features spec's features that a condition or stage rule reads: the only ones worth computing. */
    final Set<String> usedFeatures = new java.util.LinkedHashSet<>();
    final Expr[] when;
    final Expr[] stageWhen;
    /** Per stage rule, the attribute index of its follow-up status column, or -1. */
    final int[] stageStatus;
    final List<LeadTable.AttributeColumn> attributes = new ArrayList<>();
    final boolean hasChannels;
    /** The property slots of the log: the features spec's first, then the rules' own. */
    final List<String> properties;

    // Bound to the log's codes once it has been read (bind).
    int typeCount;
    int[] levelOf;
    int[] rank;
    String[] typeNames;
    int[][] ruleProperty;
    int[][] ruleCode;
    long[][] ruleCents;
    Decay[] decayOf;
    long[] perDay;
    long[] perType;
    long[] perLevel;
    boolean[][] bindingTypes;
    int[][] propertyRank;

    private CompiledRules(RuleSpec spec, List<String> properties, boolean hasChannels) {
        this.spec = spec;
        this.levelNames = List.copyOf(spec.levels().keySet());
        this.when = new Expr[spec.conditions().size()];
        this.stageWhen = new Expr[spec.stages().size()];
        this.stageStatus = new int[spec.stages().size()];
        this.properties = properties;
        this.hasChannels = hasChannels;
    }

    /**
     * @param spec the rules
     * @param leads the leads (their columns are names a condition may use)
     * @param features the features spec, if the rules name one
     * @param hasChannels whether a channel table was given ({@code channelScore})
     * @return the rules with their conditions compiled
     * @throws InputDataException naming the condition's line, key and column when one does not compile
     */
    static CompiledRules compile(RuleSpec spec, LeadTable leads, FeatureSpec features, boolean hasChannels) {
        return compile(spec, leads, features, hasChannels, properties(List.of(spec)));
    }

    /**
     * @param specs rule sets read from one log
     * @return the log's property slots for them: their features spec's first (they must share it, if
     *     any), then every point rule's
     * @throws IllegalArgumentException when they read features specs with different properties
     */
    static List<String> properties(List<RuleSpec> specs) {
        List<String> properties = new ArrayList<>();
        List<String> base = null;
        for (RuleSpec s : specs) {
            if (s.features().isPresent()) {
                List<String> p = s.features().get().properties();
                if (base != null && !base.equals(p)) {
                    throw new IllegalArgumentException("the rules files read features specs with different event "
                            + "properties (" + base + ", " + p + "); give them one features spec");
                }
                base = p;
            }
        }
        if (base != null) {
            properties.addAll(base);
        }
        for (RuleSpec s : specs) {
            for (String p : s.properties()) {
                if (!properties.contains(p)) {
                    properties.add(p);
                }
            }
        }
        return List.copyOf(properties);
    }

    /**
     * @param properties the log's property slots ({@link #properties(List)})
     * @see #compile(RuleSpec, LeadTable, FeatureSpec, boolean)
     */
    static CompiledRules compile(RuleSpec spec, LeadTable leads, FeatureSpec features, boolean hasChannels,
            List<String> properties) {
        CompiledRules c = new CompiledRules(spec, properties, hasChannels);
        Scope scope = c.new Scope(leads, features);
        for (int i = 0; i < spec.conditions().size(); i++) {
            Condition k = spec.conditions().get(i);
            try {
                c.when[i] = Expr.condition(k.when(), scope);
            } catch (Expr.CompileException e) {
                throw new InputDataException(spec.file(), k.line(), null, "key 'conditions[" + (i + 1) + "].when': column "
                        + e.column() + ": " + e.getMessage() + " (in: " + k.when() + ")");
            }
        }
        scope.addStageNames();
        for (int i = 0; i < spec.stages().size(); i++) {
            RuleSpec.StageRule k = spec.stages().get(i);
            try {
                c.stageWhen[i] = Expr.condition(k.when(), scope);
            } catch (Expr.CompileException e) {
                throw new InputDataException(spec.file(), k.line(), null, "key 'stages[" + (i + 1) + "].when': column "
                        + e.column() + ": " + e.getMessage() + " (in: " + k.when() + ")");
            }
            c.stageStatus[i] = -1;
            if (k.status().isPresent()) {
                String col = k.status().get();
                if (leads.attribute(col).isEmpty()) {
                    throw new InputDataException(spec.file(), k.line(), null, "key 'stages[" + (i + 1) + "].status': '" + col
                            + "' is not a column of " + leads.file() + dev.scorecard.core.internal.NearestName.didYouMean(col,
                                    leads.attributeNames()));
                }
                c.attributes.add(leads.attribute(col).get());
                c.stageStatus[i] = c.attributes.size() - 1;
            }
        }
        return c;
    }

    /** Ties the rules to the type and property codes the log gave, once it has been read. */
    void bind(EventCodes log) {
        typeCount = log.typeCount();
        typeNames = new String[typeCount];
        levelOf = new int[typeCount];
        decayOf = new Decay[typeCount];
        perDay = new long[typeCount];
        perType = new long[typeCount];
        ruleProperty = new int[typeCount][];
        ruleCode = new int[typeCount][];
        ruleCents = new long[typeCount][];
        Integer[] byName = new Integer[typeCount];
        Map<String, String> levelByType = new LinkedHashMap<>();
        spec.levels().forEach((l, types) -> types.forEach(t -> levelByType.put(t, l)));
        for (int t = 0; t < typeCount; t++) {
            String name = log.typeName(t);
            typeNames[t] = name;
            byName[t] = t;
            String level = levelByType.get(name);
            levelOf[t] = level == null ? -1 : levelNames.indexOf(level);
            Decay d = spec.decay().get(name);
            if (d == null && level != null) {
                d = spec.decay().get(level);
            }
            if (d == null) {
                d = spec.decay().getOrDefault(RuleSpec.DEFAULT, new RuleSpec.NoDecay());
            }
            decayOf[t] = d;
            perDay[t] = spec.caps().perTypePerDay().getOrDefault(name, -1L);
            perType[t] = spec.caps().perType().getOrDefault(name, -1L);
            List<PointRule> rules = spec.points().stream().filter(p -> p.type().equals(name)).toList();
            int w = rules.stream().mapToInt(p -> p.where().size()).sum();
            ruleProperty[t] = new int[w];
            ruleCode[t] = new int[w];
            ruleCents[t] = new long[rules.size() * 2]; // [cents, where count] per rule
            int k = 0;
            for (int r = 0; r < rules.size(); r++) {
                PointRule p = rules.get(r);
                ruleCents[t][2 * r] = p.cents();
                ruleCents[t][2 * r + 1] = p.where().size();
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(p.where()).entrySet()) {
                    int slot = properties.indexOf(e.getKey());
                    ruleProperty[t][k] = slot;
                    ruleCode[t][k] = log.propertyCode(slot, e.getValue());
                    k++;
                }
            }
        }
        Arrays.sort(byName, Comparator.comparing(t -> typeNames[t]));
        rank = new int[typeCount];
        for (int r = 0; r < typeCount; r++) {
            rank[byName[r]] = r;
        }
        perLevel = new long[levelNames.size()];
        for (int l = 0; l < perLevel.length; l++) {
            perLevel[l] = spec.caps().perLevel().getOrDefault(levelNames.get(l), -1L);
        }
        bindingTypes = new boolean[bindings.size()][];
        for (int b = 0; b < bindings.size(); b++) {
            Binding x = bindings.get(b);
            if (x.source() == Source.COUNT || x.source() == Source.DAYS_SINCE || x.source() == Source.POINTS_TYPE) {
                boolean[] in = new boolean[typeCount];
                for (int t = 0; t < typeCount; t++) {
                    in[t] = x.types().isEmpty() || x.types().contains(typeNames[t]);
                }
                bindingTypes[b] = in;
            }
        }
        propertyRank = new int[properties.size()][];
        for (int p = 0; p < properties.size(); p++) {
            List<String> values = new ArrayList<>();
            for (int code = 0; code < log.propertyCount(p); code++) {
                values.add(log.propertyValue(p, code));
            }
            Integer[] order = new Integer[values.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparing(values::get));
            propertyRank[p] = new int[values.size()];
            for (int r = 0; r < order.length; r++) {
                propertyRank[p][order[r]] = r;
            }
        }
    }

    /** @return the points a type's event with these property codes earns, in cents (0: no rule) */
    long points(int type, int[] props) {
        long[] rules = ruleCents[type];
        int k = 0;
        for (int r = 0; r < rules.length; r += 2) {
            int n = (int) rules[r + 1];
            boolean match = true;
            for (int j = 0; j < n; j++) {
                if (props[ruleProperty[type][k + j]] != ruleCode[type][k + j]) {
                    match = false;
                }
            }
            if (match) {
                return rules[r];
            }
            k += n;
        }
        return 0;
    }

    /** The names a condition may use, resolved to bindings. */
    private final class Scope implements Expr.Scope {
        private final Map<String, Expr.Ref> variables = new LinkedHashMap<>();
        private final Map<String, Expr.Ref> calls = new LinkedHashMap<>();
        private final Set<String> types = new HashSet<>();

        Scope(LeadTable leads, FeatureSpec features) {
            variables.put("registeredDays", add(Expr.Type.NUMBER, new Binding(Source.REGISTERED_DAYS, 0, Set.of(), 0, "")));
            // false for every lead of a file without converted_at
            variables.put("paid", add(Expr.Type.BOOLEAN, new Binding(Source.PAID, 0, Set.of(), 0, "")));
            if (hasChannels) {
                variables.put("channelScore", add(Expr.Type.NUMBER, new Binding(Source.CHANNEL_SCORE, 0, Set.of(), 0, "")));
            }
            if (features != null) {
                for (int f = 0; f < features.features().size(); f++) {
                    var d = features.features().get(f);
                    if (d.kind().numeric() && !variables.containsKey(d.name())) {
                        variables.put(d.name(), add(Expr.Type.NUMBER, new Binding(Source.FEATURE, f, Set.of(), 0,
                                d.name())));
                    }
                }
            }
            for (String a : leads.attributeNames()) {
                if (!variables.containsKey(a)) {
                    attributes.add(leads.attribute(a).orElseThrow());
                    variables.put(a, add(Expr.Type.TEXT, new Binding(Source.ATTRIBUTE, attributes.size() - 1, Set.of(), 0,
                            "")));
                }
            }
            types.addAll(spec.types());
            spec.eventTypes().ifPresent(types::addAll);
        }

        /** The names only stage rules may use: the score and what it maps to. */
        void addStageNames() {
            variables.put("score", add(Expr.Type.NUMBER, new Binding(Source.SCORE, 0, Set.of(), 0, "")));
            variables.put("score10", add(Expr.Type.NUMBER, new Binding(Source.SCORE10, 0, Set.of(), 0, "")));
            variables.put("grade", add(Expr.Type.TEXT, new Binding(Source.GRADE, 0, Set.of(), 0, "")));
            variables.put("tier", add(Expr.Type.TEXT, new Binding(Source.TIER, 0, Set.of(), 0, "")));
            variables.put("bestGrade", add(Expr.Type.TEXT, new Binding(Source.BEST_GRADE, 0, Set.of(), 0, "")));
        }

        private Expr.Ref add(Expr.Type type, Binding b) {
            bindings.add(b);
            return new Expr.Ref(type, bindings.size() - 1);
        }

        @Override
        public Expr.Ref variable(String name) {
            Expr.Ref r = variables.get(name);
            if (r != null && bindings.get(r.id()).source() == Source.FEATURE) {
                usedFeatures.add(name);
            }
            return r;
        }

        @Override
        public String functions() {
            return "points(LEVEL or TYPE), count(TYPE, LEVEL or any[, WINDOW]) and daysSince(TYPE, LEVEL or any)";
        }

        @Override
        public Expr.Ref call(String name, List<String> args) {
            String key = name + args;
            Expr.Ref known = calls.get(key);
            if (known != null) {
                return known;
            }
            Expr.Ref r = switch (name) {
                case "points" -> {
                    one(name, args);
                    String x = args.get(0);
                    int level = levelNames.indexOf(x);
                    if (level >= 0) {
                        yield add(Expr.Type.NUMBER, new Binding(Source.POINTS_LEVEL, level, Set.of(), 0, ""));
                    }
                    if (spec.types().contains(x)) {
                        yield add(Expr.Type.NUMBER, new Binding(Source.POINTS_TYPE, 0, Set.of(x), 0, x));
                    }
                    throw new IllegalArgumentException("points(" + x + "): '" + x + "' is neither a level nor a scored event"
                            + " type" + dev.scorecard.core.internal.NearestName.didYouMean(x, known()));
                }
                case "count" -> {
                    if (args.isEmpty() || args.size() > 2) {
                        throw new IllegalArgumentException("count takes a type, level or any, and a window: count("
                                + "trial_booked, 7d)");
                    }
                    int days = 0;
                    if (args.size() == 2) {
                        days = FeatureSpec.windowDays(args.get(1));
                        if (days < 0) {
                            throw new IllegalArgumentException("count(…, " + args.get(1) + "): the window is a number of"
                                    + " days such as 7d, or ever");
                        }
                    }
                    yield add(Expr.Type.NUMBER, new Binding(Source.COUNT, 0, typesOf(args.get(0)), days, ""));
                }
                case "daysSince" -> {
                    one(name, args);
                    yield add(Expr.Type.NUMBER, new Binding(Source.DAYS_SINCE, 0, typesOf(args.get(0)), 0, ""));
                }
                default -> null;
            };
            if (r != null) {
                calls.put(key, r);
            }
            return r;
        }

        private void one(String name, List<String> args) {
            if (args.size() != 1) {
                throw new IllegalArgumentException(name + " takes one argument, found " + args.size());
            }
        }

        private Set<String> typesOf(String x) {
            if (x.equals("any")) {
                return Set.of();
            }
            if (spec.levels().containsKey(x)) {
                return Set.copyOf(spec.levels().get(x));
            }
            if (types.contains(x) || spec.eventTypes().isEmpty()) {
                return Set.of(x);
            }
            throw new IllegalArgumentException("'" + x + "' is neither an event type, a level nor any"
                    + dev.scorecard.core.internal.NearestName.didYouMean(x, known()));
        }

        private List<String> known() {
            List<String> out = new ArrayList<>(levelNames);
            out.addAll(types);
            return out;
        }

        @Override
        public List<String> names() {
            return List.copyOf(variables.keySet());
        }
    }
}
