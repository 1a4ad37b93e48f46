package dev.scorecard.crm.features;

import dev.scorecard.crm.events.EventCodes;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.events.EventSink;
import dev.scorecard.crm.events.LeadTable;
import java.time.ZoneId;
import java.util.Set;

/**
 * A features spec's numeric values per lead, for work that reads them rather than writing the
 * features file (the rule score's conditions): fed as a log's sink in the same pass as that work.
 */
public final class LeadFeatures implements EventSink {
    private final FeatureSpec spec;
    private final FeaturePlan plan;
    private final int only; // the one lead's index when made for one lead, else -1

    private LeadFeatures(FeatureSpec spec, FeaturePlan plan) {
        this(spec, plan, -1);
    }

    private LeadFeatures(FeatureSpec spec, FeaturePlan plan, int only) {
        this.only = only;
        this.spec = spec;
        this.plan = plan;
    }

    /**
     * @param spec the features; its properties must be the log's first property slots
     * @param leads the leads
     * @param log the log that will feed it
     * @param asOf the as-of instant, epoch milliseconds
     * @param zone the zone days are counted in
     * @return the features, before any event
     */
    public static LeadFeatures of(FeatureSpec spec, LeadTable leads, EventCodes log, long asOf, ZoneId zone) {
        FeaturesWorkflow.checkAttributes(spec, leads);
        return new LeadFeatures(spec, new FeaturePlan(spec, leads, log, asOf, zone));
    }

    /**
     * Only some of a spec's features (and those they are ratios of), fed by a log read for the whole
     * spec: what a rules run computes when its conditions read a few features of a large spec.
     *
     * @param spec the features; its properties must be the log's first property slots
     * @param only the names of the features wanted
     * @return the features, before any event
     * @see #of(FeatureSpec, LeadTable, EventCodes, long, ZoneId)
     */
    public static LeadFeatures of(FeatureSpec spec, Set<String> only, LeadTable leads, EventCodes log, long asOf,
            ZoneId zone) {
        FeatureSpec some = spec.only(only);
        FeaturesWorkflow.checkAttributes(some, leads);
        return new LeadFeatures(some, new FeaturePlan(some, spec.properties(), leads, log, asOf, zone));
    }

    /**
     * The features of one lead, for a service that scores a lead when asked: fed that lead's events
     * (with its index in {@code leads}), it answers for that index.
     *
     * @param lead the lead's index in {@code leads}
     * @return the features, before any event
     * @see #of(FeatureSpec, Set, LeadTable, EventCodes, long, ZoneId)
     */
    public static LeadFeatures ofLead(FeatureSpec spec, Set<String> only, LeadTable leads, int lead, EventCodes log,
            long asOf, ZoneId zone) {
        FeatureSpec some = spec.only(only);
        LeadTable one = leads.row(lead);
        return new LeadFeatures(some, new FeaturePlan(some, spec.properties(), one, log, asOf, zone), lead);
    }

    @Override
    public void accept(int lead, int type, long time, double value, int[] properties) {
        plan.accept(at(lead), type, time, value, properties);
    }

    private int at(int lead) {
        if (only < 0) {
            return lead;
        }
        if (lead != only) {
            throw new IllegalArgumentException("these features are lead " + only + "'s, not lead " + lead + "'s");
        }
        return 0;
    }

    /**
     * @param name a feature's name
     * @return its index, or -1 when the spec has none by that name or it is not a number
     */
    public int numericIndex(String name) {
        for (int i = 0; i < spec.features().size(); i++) {
            FeatureDef f = spec.features().get(i);
            if (f.name().equals(name)) {
                return f.kind().numeric() ? i : -1;
            }
        }
        return -1;
    }

    /**
     * @param lead a lead's index
     * @param feature a feature's index ({@link #numericIndex})
     * @return its value, NaN when missing
     */
    public double number(int lead, int feature) {
        return plan.number(at(lead), feature);
    }
}
