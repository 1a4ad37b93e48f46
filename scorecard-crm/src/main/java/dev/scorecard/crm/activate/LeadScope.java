package dev.scorecard.crm.activate;

import dev.scorecard.core.internal.NearestName;
import dev.scorecard.crm.spec.Expr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the plans' conditions can name, for {@link Expr}: every column of the scores files and of the
 * leads file (as text; compared with a number it is read as one), {@code previousGrade} (the lead's
 * grade at the last night, empty the first time), {@code registeredDays}, and the calls
 * {@code tag(NAME)} (from the scores' {@code tags} column or given by a journey), {@code inPlan(PLAN)}
 * and, in a step's {@code when} only, {@code responses(TYPE or any)}: the events since the lead
 * entered the journey. One scope compiles every condition of a run and records the names they use,
 * so only those columns are read.
 */
final class LeadScope implements Expr.Scope {
    enum Kind {
        COLUMN, ATTRIBUTE, PREVIOUS_GRADE, REGISTERED_DAYS, TAG, IN_PLAN, RESPONSES
    }

    /** One resolved name. */
    record Binding(Kind kind, String arg) {
    }

    static final String PREVIOUS_GRADE = "previousGrade";
    static final String REGISTERED_DAYS = "registeredDays";
    static final String ANY = "any";

    private final Collection<String> columns;
    private final Collection<String> attributes;
    private final Collection<String> plans;
    private final Map<Binding, Integer> ids = new LinkedHashMap<>();
    private final List<Binding> bindings = new ArrayList<>();
    private final Set<String> responseTypes = new LinkedHashSet<>();
    private boolean inStep;

    /**
     * @param columns the names of the scores files' columns
     * @param attributes the leads file's attribute columns
     * @param plans the plans' names
     */
    LeadScope(Collection<String> columns, Collection<String> attributes, Collection<String> plans) {
        this.columns = columns;
        this.attributes = attributes;
        this.plans = plans;
    }

    /**
     * @param source a condition
     * @param step whether it is a step's {@code when}, where {@code responses(…)} may be used
     * @return it, compiled
     * @throws Expr.CompileException when it does not compile
     */
    Expr compile(String source, boolean step) {
        inStep = step;
        return Expr.condition(source, this);
    }

    /** Marks a column as read (by a payload, a limit or the run itself), when there is one. */
    boolean use(String column) {
        if (columns.contains(column)) {
            id(new Binding(Kind.COLUMN, column));
            return true;
        }
        return false;
    }

    /** @return the bindings, by id */
    List<Binding> bindings() {
        return bindings;
    }

    /** @return the columns of the scores files the conditions read */
    Set<String> usedColumns() {
        Set<String> out = new LinkedHashSet<>();
        for (Binding b : bindings) {
            if (b.kind == Kind.COLUMN) {
                out.add(b.arg);
            }
        }
        return out;
    }

    /** @return the event types {@code responses(…)} reads ({@code any} for all) */
    Set<String> responseTypes() {
        return responseTypes;
    }

    @Override
    public Expr.Ref variable(String name) {
        if (columns.contains(name)) {
            return new Expr.Ref(Expr.Type.TEXT, id(new Binding(Kind.COLUMN, name)));
        }
        if (attributes.contains(name)) {
            return new Expr.Ref(Expr.Type.TEXT, id(new Binding(Kind.ATTRIBUTE, name)));
        }
        if (name.equals(PREVIOUS_GRADE)) {
            return new Expr.Ref(Expr.Type.TEXT, id(new Binding(Kind.PREVIOUS_GRADE, "")));
        }
        if (name.equals(REGISTERED_DAYS)) {
            return new Expr.Ref(Expr.Type.NUMBER, id(new Binding(Kind.REGISTERED_DAYS, "")));
        }
        return null;
    }

    @Override
    public Expr.Ref call(String name, List<String> args) {
        Kind kind = switch (name) {
            case "tag" -> Kind.TAG;
            case "inPlan" -> Kind.IN_PLAN;
            case "responses" -> Kind.RESPONSES;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        if (args.size() != 1) {
            throw new IllegalArgumentException(name + " takes one argument, as in " + name + "(" + example(kind) + ")");
        }
        String arg = args.get(0);
        if (kind == Kind.IN_PLAN && !plans.contains(arg)) {
            throw new IllegalArgumentException("inPlan(" + arg + "): no plan '" + arg + "'"
                    + NearestName.didYouMean(arg, plans));
        }
        if (kind == Kind.RESPONSES) {
            if (!inStep) {
                throw new IllegalArgumentException("responses(…) counts events since the lead entered a journey: use it"
                        + " in a step's when, not in an audience");
            }
            responseTypes.add(arg);
        }
        return new Expr.Ref(kind == Kind.RESPONSES ? Expr.Type.NUMBER : Expr.Type.BOOLEAN, id(new Binding(kind, arg)));
    }

    private static String example(Kind kind) {
        return kind == Kind.TAG ? "high-intent" : kind == Kind.IN_PLAN ? "nurture" : "app_open";
    }

    private int id(Binding b) {
        Integer known = ids.get(b);
        if (known != null) {
            return known;
        }
        ids.put(b, bindings.size());
        bindings.add(b);
        return bindings.size() - 1;
    }

    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>(columns);
        out.addAll(attributes);
        out.add(PREVIOUS_GRADE);
        out.add(REGISTERED_DAYS);
        return out;
    }

    @Override
    public String functions() {
        return "tag(NAME), inPlan(PLAN) and, in a step's when, responses(TYPE or any)";
    }
}
