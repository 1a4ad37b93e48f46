package dev.scorecard.train.challenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The kind's config spelling and the options' validation. */
class ChallengerOptionsTest {
    @Test
    void kindsParseTheirConfigSpellingAndListTheAllowedOnes() {
        assertThat(ChallengerKind.fromConfig("gbm")).isEqualTo(ChallengerKind.GBM);
        assertThat(ChallengerKind.fromConfig(" RF ")).isEqualTo(ChallengerKind.RF);
        assertThatThrownBy(() -> ChallengerKind.fromConfig("xgboost"))
                .hasMessage("challenger: 'xgboost' is not one of gbm, rf");
    }

    @Test
    void defaultsDifferByKindAndKeepTheSeed() {
        ChallengerOptions gbm = ChallengerOptions.defaults(ChallengerKind.GBM);
        ChallengerOptions rf = ChallengerOptions.defaults(ChallengerKind.RF);

        assertThat(gbm.kind()).isEqualTo(ChallengerKind.GBM);
        assertThat(gbm.subsample()).isEqualTo(0.7);
        assertThat(rf.kind()).isEqualTo(ChallengerKind.RF);
        assertThat(rf.subsample()).isEqualTo(1.0);
        assertThat(gbm.seed()).isEqualTo(rf.seed()).isEqualTo(ChallengerOptions.DEFAULT_SEED);
        assertThat(gbm.withTrees(10).withSeed(7)).isEqualTo(new ChallengerOptions(ChallengerKind.GBM, 10, gbm.maxDepth(),
                gbm.maxNodes(), gbm.nodeSize(), gbm.shrinkage(), gbm.subsample(), 7));
    }

    @Test
    void outOfRangeOptionsAreNamed() {
        ChallengerOptions o = ChallengerOptions.defaults(ChallengerKind.GBM);

        assertThatThrownBy(() -> o.withTrees(0)).hasMessage("trees: 0 is out of range; expected from 1 to 100000");
        assertThatThrownBy(() -> o.withMaxDepth(0)).hasMessage("maxDepth: 0 is out of range; expected at least 1");
        assertThatThrownBy(() -> o.withMaxNodes(1)).hasMessage("maxNodes: 1 is out of range; expected at least 2");
        assertThatThrownBy(() -> o.withNodeSize(0)).hasMessage("nodeSize: 0 is out of range; expected at least 1");
        assertThatThrownBy(() -> o.withShrinkage(0)).hasMessage("shrinkage: 0.0 is out of range; expected above 0, at most 1");
        assertThatThrownBy(() -> o.withSubsample(Double.NaN))
                .hasMessage("subsample: NaN is out of range; expected above 0, at most 1");
    }

    @Test
    void treeSeedsAreDistinctAboveOneAndRepeatable() {
        long[] seeds = ChallengerTrainer.treeSeeds(42, 1000);

        assertThat(seeds).hasSize(1000).doesNotHaveDuplicates();
        assertThat(Arrays.stream(seeds).min().orElseThrow()).isGreaterThan(1);
        assertThat(ChallengerTrainer.treeSeeds(42, 1000)).isEqualTo(seeds);
        assertThat(ChallengerTrainer.treeSeeds(43, 1)[0]).isNotEqualTo(seeds[0]);
    }
}
