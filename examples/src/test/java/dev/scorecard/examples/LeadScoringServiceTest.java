package dev.scorecard.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.pipeline.BinWorkflow;
import dev.scorecard.train.pipeline.TrainWorkflow;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadScoringServiceTest {
    @TempDir
    Path tmp;

    @Test
    void aServiceScoresLeadsWithATrainedModel() {
        ScorecardConfig config = ScorecardConfig.empty().withTarget(Optional.of("creditability"), Optional.of("bad"));
        TrainWorkflow.run(new TrainWorkflow.Request(Path.of("../datasets/germancredit/germancredit.csv"), config,
                Optional.empty(), Optional.empty(), tmp, Optional.empty(), 0.01, 2), new BinWorkflow.Listener() { });
        LeadScoringService service = new LeadScoringService(tmp.resolve("model.json"));
        Map<String, Object> lead = new HashMap<>();
        lead.put("status_of_existing_checking_account", "... < 0 DM");
        lead.put("credit_history", "no credits taken/ all credits paid back duly");
        lead.put("duration_in_month", 48);
        lead.put("savings_account_and_bonds", "... < 100 DM");
        lead.put("purpose", "a level never seen");
        lead.put("credit_amount", "12000");
        lead.put("present_employment_since", "unemployed");
        lead.put("age_in_years", 22);
        lead.put("property", "unknown / no property");
        lead.put("installment_rate_in_percentage_of_disposable_income", 4);
        lead.put("housing", "rent");
        lead.put("personal_status_and_sex", "male : single");
        lead.put("other_installment_plans", "bank");
        lead.put("present_residence_since", 1);
        lead.put("other_debtors_or_guarantors", "none");
        lead.put("number_of_existing_credits_at_this_bank", 1);
        LeadScoringService.Decision d = service.decide(lead);
        // Every answer points to default risk, and a high score means the event (a bad loan) is likely.
        assertThat(d.grade()).isEqualTo("A");
        assertThat(d.why()).contains("check: unseen:purpose=a level never seen");
    }
}
