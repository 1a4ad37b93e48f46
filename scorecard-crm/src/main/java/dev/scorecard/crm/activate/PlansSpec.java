package dev.scorecard.crm.activate;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.spec.YamlNode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The activation plans as read from their YAML file and checked ({@code docs/activation.md}): per
 * plan its audience, priority, control share, limits, quiet hours, sale lock, journey steps, the
 * response events that tag or stop a journey and what happens when it ends. Conditions are compiled
 * later, against the columns of the scores files, by {@link Audience}; this checks everything that
 * does not depend on them.
 *
 * @param file the YAML file
 * @param zone the zone of quiet hours and days for leads without a time zone of their own, if given
 * @param plans the plans, in priority order (the most important first)
 */
record PlansSpec(String file, Optional<ZoneId> zone, List<Plan> plans) {
    /** The control share when neither the plan nor the file gives one. */
    static final double DEFAULT_CONTROL = 0.10;
    /** Days before a lead may enter the same plan again, when not given. */
    static final int DEFAULT_REENTER_DAYS = 30;
    /** The longest wait or lock, in days. */
    static final int MAX_DAYS = 3650;

    private static final Pattern DAYS = Pattern.compile("([0-9]{1,5})d");
    private static final Pattern CLOCK = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final List<String> TOP_KEYS = List.of("timezone", "control", "reenter", "plans");
    private static final List<String> PLAN_KEYS = List.of("name", "priority", "audience", "control", "reenter",
            "limits", "quietHours", "saleLock", "deliver", "payload", "steps", "responses", "end", "goals");
    private static final List<String> STEP_KEYS = List.of("name", "channel", "after", "when");
    private static final List<String> RESPONSE_KEYS = List.of("event", "tag", "stop");
    private static final List<String> END_KEYS = List.of("after", "tag", "then");
    private static final List<String> LIMIT_KEYS = List.of("perDay", "perTeam");
    private static final List<String> TEAM_KEYS = List.of("column", "max");
    private static final List<String> QUIET_KEYS = List.of("from", "to");
    private static final List<String> DELIVER_KEYS = List.of("file", "webhook");

    /**
     * One plan.
     *
     * @param name its name, unique
     * @param priority smaller first; a lead enters at most one plan a night, the first whose audience
     *     it is in, and entering a plan ends its journey in a plan of a later priority
     * @param audience the condition a lead must meet to enter
     * @param control the share held out, 0 to 0.9
     * @param reenterDays days from an entry before the lead may enter this plan again
     * @param perDay the most entries a night (control included), or 0 for no limit
     * @param teamColumn the column a per-team limit counts by, or empty
     * @param perTeam the most entries a night per value of that column, or 0
     * @param quiet the hours in the lead's day when nothing is sent, if any
     * @param saleLockDays days after a lead's first sale during which this plan leaves it alone, or 0
     * @param file whether messages go to {@code messages.jsonl}
     * @param webhook the webhook's YAML node, if the plan posts its messages
     * @param payload the payload template, a JSON object with {@code {{name}}} placeholders
     * @param steps the journey's steps, at least one
     * @param responses the response events that tag or stop the journey
     * @param end what happens after the last step
     * @param goals the goals' YAML node, read by the report, if any
     * @param line the plan's line in the file
     * @param node the plan's YAML node, for errors found later (a condition naming an unknown column)
     */
    record Plan(String name, int priority, String audience, double control, int reenterDays, int perDay,
            Optional<String> teamColumn, int perTeam, Optional<QuietHours> quiet, int saleLockDays, boolean file,
            Optional<YamlNode> webhook, String payload, List<Step> steps, List<Response> responses, End end,
            Optional<YamlNode> goals, long line, YamlNode node) {
        /** Checks and copies. */
        Plan {
            steps = List.copyOf(steps);
            responses = List.copyOf(responses);
        }

        /** @return the days a control entry is held, as long as the journey would take with no response */
        int holdDays() {
            int d = end.afterDays();
            for (Step s : steps) {
                d += s.afterDays();
            }
            return d;
        }

        /** @return the control share in buckets of 10,000 */
        int controlBuckets() {
            return (int) Math.round(control * Buckets.COUNT);
        }
    }

    /**
     * A step of a journey.
     *
     * @param name unique in the plan
     * @param channel what it sends by (push, sms, wechat, sales …), given to the payload
     * @param afterDays days after the previous step (for the first, after the entry)
     * @param when the condition to send it, else it is skipped; empty: always
     * @param line its line
     * @param node its YAML node, for errors found later
     */
    record Step(String name, String channel, int afterDays, Optional<String> when, long line, YamlNode node) {
    }

    /**
     * A response: an event of this type after the entry tags the lead and may end the journey.
     *
     * @param event the event type
     * @param tag the tag it gives, if any
     * @param stop whether it ends the journey
     */
    record Response(String event, Optional<String> tag, boolean stop) {
    }

    /**
     * What happens after the last step when no response stopped the journey.
     *
     * @param afterDays days after the last step
     * @param tag the tag it gives, if any
     * @param then the plan the lead then enters, if any
     * @param line the line of {@code end}, or of the plan
     */
    record End(int afterDays, Optional<String> tag, Optional<String> then, long line) {
    }

    /**
     * A daily window with nothing sent; {@code from} after {@code to} spans midnight.
     *
     * @param from the first minute of quiet
     * @param to the first minute sending may resume
     */
    record QuietHours(LocalTime from, LocalTime to) {
        /**
         * @param t a local time of day
         * @return whether it is quiet then
         */
        boolean quiet(LocalTime t) {
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }
    }

    /** Checks and copies. */
    PlansSpec {
        plans = List.copyOf(plans);
    }

    /**
     * @param name a plan's name
     * @return it, if there is one
     */
    Optional<Plan> plan(String name) {
        return plans.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * @param path the plans YAML
     * @return the plans, checked
     * @throws InputDataException naming the line and key of the first problem
     */
    static PlansSpec read(Path path) {
        return of(YamlNode.read(path));
    }

    static PlansSpec of(YamlNode root) {
        root.allowOnly(TOP_KEYS);
        Optional<ZoneId> zone = root.get("timezone").map(PlansSpec::zone);
        double control = root.get("control").map(PlansSpec::share).orElse(DEFAULT_CONTROL);
        int reenter = root.get("reenter").map(n -> days(n, 1)).orElse(DEFAULT_REENTER_DAYS);
        YamlNode list = root.get("plans").orElseThrow(() -> root.error("the file has no 'plans:'; see docs/activation.md"));
        List<Plan> plans = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Integer> priorities = new HashSet<>();
        for (YamlNode n : list.items()) {
            Plan p = plan(n, control, reenter);
            if (!names.add(p.name())) {
                throw n.error("a second plan named '" + p.name() + "'; plan names are unique");
            }
            if (!priorities.add(p.priority())) {
                throw n.error("plan '" + p.name() + "' has priority " + p.priority() + " as an earlier plan does;"
                        + " priorities are unique, so which plan a lead enters is never a tie");
            }
            plans.add(p);
        }
        if (plans.isEmpty()) {
            throw list.error("no plans");
        }
        for (Plan p : plans) {
            if (p.end().then().isPresent() && !names.contains(p.end().then().get())) {
                throw new InputDataException(root.file(), p.end().line(), null, "plan '" + p.name() + "': end.then names"
                        + " plan '" + p.end().then().get() + "', which is not in the file" + didYouMean(p.end().then().get(),
                                names));
            }
            if (p.end().then().filter(p.name()::equals).isPresent()) {
                throw new InputDataException(root.file(), p.end().line(), null, "plan '" + p.name() + "': end.then names"
                        + " the plan itself; a journey that ends re-enters through its audience, after 'reenter'");
            }
        }
        plans.sort((a, b) -> Integer.compare(a.priority(), b.priority()));
        return new PlansSpec(root.file(), zone, plans);
    }

    private static Plan plan(YamlNode n, double defaultControl, int defaultReenter) {
        n.allowOnly(PLAN_KEYS);
        String name = name(required(n, "name"));
        int priority = (int) range(required(n, "priority"), 1, 1_000_000);
        String audience = required(n, "audience").text();
        double control = n.get("control").map(PlansSpec::share).orElse(defaultControl);
        int reenter = n.get("reenter").map(c -> days(c, 1)).orElse(defaultReenter);
        int perDay = 0;
        Optional<String> teamColumn = Optional.empty();
        int perTeam = 0;
        Optional<YamlNode> limits = n.get("limits");
        if (limits.isPresent()) {
            limits.get().allowOnly(LIMIT_KEYS);
            perDay = limits.get().get("perDay").map(x -> (int) range(x, 1, Integer.MAX_VALUE)).orElse(0);
            Optional<YamlNode> team = limits.get().get("perTeam");
            if (team.isPresent()) {
                team.get().allowOnly(TEAM_KEYS);
                teamColumn = Optional.of(required(team.get(), "column").text());
                perTeam = (int) range(required(team.get(), "max"), 1, Integer.MAX_VALUE);
                if (perDay > 0 && perTeam >= perDay) {
                    throw team.get().error("max " + perTeam + " per team can never bind: perDay is " + perDay);
                }
            }
        }
        Optional<QuietHours> quiet = n.get("quietHours").map(PlansSpec::quiet);
        int saleLock = n.get("saleLock").map(x -> days(x, 1)).orElse(0);
        boolean file = true;
        Optional<YamlNode> webhook = Optional.empty();
        Optional<YamlNode> deliver = n.get("deliver");
        if (deliver.isPresent()) {
            deliver.get().allowOnly(DELIVER_KEYS);
            file = deliver.get().get("file").map(PlansSpec::flag).orElse(true);
            webhook = deliver.get().get("webhook");
            if (!file && webhook.isEmpty()) {
                throw deliver.get().error("file: false and no webhook: the plan's messages would go nowhere");
            }
        }
        String payload = n.get("payload").map(YamlNode::text).orElse(PayloadTemplate.DEFAULT);
        try {
            PayloadTemplate.check(payload);
        } catch (IllegalArgumentException e) {
            throw n.get("payload").orElse(n).error(e.getMessage());
        }
        List<Step> steps = new ArrayList<>();
        Optional<YamlNode> stepList = n.get("steps");
        if (stepList.isEmpty()) {
            steps.add(new Step("notify", "notify", 0, Optional.empty(), n.line(), n));
        } else {
            Set<String> stepNames = new HashSet<>();
            for (YamlNode s : stepList.get().items()) {
                s.allowOnly(STEP_KEYS);
                Step step = new Step(name(required(s, "name")), s.get("channel").map(PlansSpec::name).orElse("notify"),
                        s.get("after").map(x -> days(x, 0)).orElse(0), s.get("when").map(YamlNode::text), s.line(), s);
                if (!stepNames.add(step.name())) {
                    throw s.error("a second step named '" + step.name() + "' in plan '" + name + "'");
                }
                steps.add(step);
            }
            if (steps.isEmpty()) {
                throw stepList.get().error("no steps; leave 'steps' out for a plan that sends one message");
            }
        }
        List<Response> responses = new ArrayList<>();
        for (YamlNode r : n.get("responses").map(YamlNode::items).orElse(List.of())) {
            r.allowOnly(RESPONSE_KEYS);
            Response response = new Response(name(required(r, "event")), r.get("tag").map(PlansSpec::name),
                    r.get("stop").map(PlansSpec::flag).orElse(false));
            if (response.tag().isEmpty() && !response.stop()) {
                throw r.error("a response with neither a tag nor stop: true does nothing");
            }
            responses.add(response);
        }
        End end = new End(0, Optional.empty(), Optional.empty(), n.line());
        Optional<YamlNode> e = n.get("end");
        if (e.isPresent()) {
            e.get().allowOnly(END_KEYS);
            end = new End(e.get().get("after").map(x -> days(x, 0)).orElse(0), e.get().get("tag").map(PlansSpec::name),
                    e.get().get("then").map(PlansSpec::name), e.get().line());
        }
        n.get("goals").ifPresent(GoalSpec::read); // checked on load here too: activate report reads them
        return new Plan(name, priority, audience, control, reenter, perDay, teamColumn, perTeam, quiet, saleLock, file,
                webhook, payload, steps, responses, end, n.get("goals"), n.line(), n);
    }

    private static YamlNode required(YamlNode n, String key) {
        return n.get(key).orElseThrow(() -> n.error("missing '" + key + "'"));
    }

    private static String name(YamlNode n) {
        String t = n.text();
        if (!NAME.matcher(t).matches()) {
            throw n.error("'" + t + "' is not a name: letters, digits, '_', '.' and '-', at most 64, starting with a letter"
                    + " or digit");
        }
        return t;
    }

    private static long range(YamlNode n, long min, long max) {
        long v = n.integer();
        if (v < min || v > max) {
            throw n.error(v + " is outside " + min + " to " + max);
        }
        return v;
    }

    private static double share(YamlNode n) {
        double v = n.number();
        if (!(v >= 0 && v <= 0.9)) {
            throw n.error(n.text() + " is not a share from 0 to 0.9 (a control group of more than 90 % leaves too few"
                    + " to activate)");
        }
        if (Math.abs(v * Buckets.COUNT - Math.round(v * Buckets.COUNT)) > 1e-9) {
            throw n.error(n.text() + " is finer than the 10,000 buckets of the control split (0.0001)");
        }
        return v;
    }

    static int days(YamlNode n, int min) {
        Matcher m = DAYS.matcher(n.text());
        int d = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        if (d < min || d > MAX_DAYS) {
            throw n.error("'" + n.text() + "' is not a number of days from " + min + "d to " + MAX_DAYS + "d, such as 2d");
        }
        return d;
    }

    private static boolean flag(YamlNode n) {
        return switch (n.text()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw n.error("'" + n.text() + "' is not true or false");
        };
    }

    private static QuietHours quiet(YamlNode n) {
        n.allowOnly(QUIET_KEYS);
        LocalTime from = clock(required(n, "from"));
        LocalTime to = clock(required(n, "to"));
        if (from.equals(to)) {
            throw n.error("from and to are the same: quiet all day or never? Leave quietHours out for never");
        }
        return new QuietHours(from, to);
    }

    private static LocalTime clock(YamlNode n) {
        Matcher m = CLOCK.matcher(n.text());
        if (!m.matches()) {
            throw n.error("'" + n.text() + "' is not a time of day such as 21:00");
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static ZoneId zone(YamlNode n) {
        try {
            return ZoneId.of(n.text());
        } catch (DateTimeException e) {
            throw n.error("'" + n.text() + "' is not a time zone such as Asia/Shanghai or UTC");
        }
    }

    private static String didYouMean(String name, Set<String> names) {
        return dev.scorecard.core.internal.NearestName.didYouMean(name, names);
    }
}
