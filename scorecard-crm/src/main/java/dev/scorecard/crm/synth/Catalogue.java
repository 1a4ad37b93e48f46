package dev.scorecard.crm.synth;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fixed world the leads come from: the channels with their sub-channels, sizes and target
 * conversion rates, the attributes' levels with their shares and effects, and the courses with
 * their prices. Fixed by design so that the docs can list it; the seed varies the leads, the
 * sub-channels' quality and everything they do.
 */
final class Catalogue {
    /** A channel: its sub-channels, its leads per million and the conversion rate it is built to have. */
    record Channel(String name, List<String> subChannels, double perMillion, double targetRate) {
    }

    /**
     * Sizes spread over four orders of magnitude (a heavy tail) and quality independent of size:
     * the biggest buyers of traffic are mostly junk, referrals and alumni are gold.
     */
    static final List<Channel> CHANNELS = List.of(
            new Channel("search_ads", List.of("baidu", "360", "sogou", "shenma", "bing"), 180_000, 0.030),
            new Channel("feed_ads", List.of("douyin", "kuaishou", "toutiao", "weibo", "bilibili"), 150_000, 0.012),
            new Channel("wechat_ads", List.of("moments", "official_account", "mini_program"), 120_000, 0.020),
            new Channel("app_store", List.of("ios", "huawei", "xiaomi", "oppo", "vivo"), 95_000, 0.045),
            new Channel("coupon_site", List.of("smzdm", "fanli"), 80_000, 0.006),
            new Channel("telemarketing_list", List.of("bought", "rented"), 65_000, 0.005),
            new Channel("website_organic", List.of("seo", "direct"), 55_000, 0.060),
            new Channel("wechat_group", List.of("parents", "students", "alumni"), 45_000, 0.080),
            new Channel("referral", List.of("student", "parent", "teacher"), 38_000, 0.220),
            new Channel("agent_north", List.of("beijing_a", "tianjin_b"), 30_000, 0.035),
            new Channel("agent_south", List.of("guangzhou_a", "shenzhen_b", "xiamen_c"), 25_000, 0.028),
            new Channel("agent_east", List.of("shanghai_a", "hangzhou_b"), 20_000, 0.040),
            new Channel("xiaohongshu", List.of("notes", "live"), 16_000, 0.050),
            new Channel("zhihu", List.of("answers", "ads"), 12_000, 0.055),
            new Channel("live_stream", List.of("douyin_live", "kuaishou_live", "taobao_live"), 10_000, 0.025),
            new Channel("kol_video", List.of("bilibili", "douyin", "xiaohongshu"), 8_000, 0.038),
            new Channel("sms_campaign", List.of("default"), 6_000, 0.008),
            new Channel("email_campaign", List.of("default"), 5_000, 0.015),
            new Channel("offline_expo", List.of("expo", "campus", "mall"), 4_000, 0.090),
            new Channel("partner_school", List.of("k12", "university"), 3_000, 0.120),
            new Channel("corporate_training", List.of("hr", "union"), 2_500, 0.150),
            new Channel("public_account", List.of("articles", "menu"), 2_000, 0.070),
            new Channel("podcast", List.of("ximalaya", "xiaoyuzhou"), 1_500, 0.045),
            new Channel("alumni_network", List.of("default"), 1_000, 0.250),
            new Channel("teacher_recommend", List.of("default"), 700, 0.200),
            new Channel("community_center", List.of("default"), 500, 0.065),
            new Channel("bank_partner", List.of("points_mall", "credit_card"), 300, 0.018),
            new Channel("travel_partner", List.of("default"), 200, 0.010),
            new Channel("library_event", List.of("default"), 120, 0.110),
            new Channel("radio_ads", List.of("default"), 80, 0.009),
            new Channel("billboard", List.of("metro", "bus"), 50, 0.007),
            new Channel("newspaper", List.of("default"), 30, 0.012),
            new Channel("trade_fair", List.of("default"), 20, 0.140),
            new Channel("test_channel", List.of("default"), 10, 0.005));

    /** A channel never has fewer leads than this, so that even the rarest one can be scored a little. */
    static final int MIN_CHANNEL_LEADS = 5;

    /** The sub-channels' shares within a channel, first the largest: 1, 0.6, 0.35, 0.2, 0.12 (normalised). */
    static final double[] SUB_WEIGHTS = {1.0, 0.6, 0.35, 0.2, 0.12};

    /** Uninformative: the city has no effect on intent, events or conversion. */
    static final String[] CITIES = {"beijing", "shanghai", "guangzhou", "shenzhen", "chengdu", "hangzhou", "wuhan",
        "xian", "nanjing", "chongqing", "tianjin", "suzhou", "changsha", "zhengzhou", "qingdao", "shenyang", "hefei",
        "kunming", "xiamen", "harbin"};
    static final double[] CITY_SHARES = {0.10, 0.10, 0.08, 0.08, 0.07, 0.06, 0.06, 0.05, 0.05, 0.05, 0.04, 0.04,
        0.04, 0.04, 0.03, 0.03, 0.03, 0.02, 0.02, 0.01};

    static final String[] AGE_BANDS = {"18-24", "25-34", "35-44", "45-54", "55+"};
    static final double[] AGE_SHARES = {0.30, 0.35, 0.22, 0.09, 0.04};
    /** Mildly informative: added to the conversion log-odds (parents of 35–44 buy for their children). */
    static final double[] AGE_EFFECTS = {-0.2, 0.1, 0.25, 0.0, -0.3};

    static final String[] DEVICES = {"ios", "android", "pc"};
    static final double[] DEVICE_SHARES = {0.30, 0.55, 0.15};
    /** Mildly informative: added to the conversion log-odds. */
    static final double[] DEVICE_EFFECTS = {0.15, -0.05, 0.05};

    static final String[] COURSES = {"english", "math", "ielts", "programming", "art"};
    /** How often each course is a lead's preferred one. */
    static final double[] COURSE_SHARES = {0.35, 0.25, 0.15, 0.15, 0.10};
    /** The list price of each course's first package, in cents. */
    static final long[] COURSE_PRICE_CENTS = {398_000, 358_000, 680_000, 458_000, 298_000};

    static final byte[][] CITY_BYTES = ascii(CITIES);
    static final byte[][] AGE_BYTES = ascii(AGE_BANDS);
    static final byte[][] DEVICE_BYTES = ascii(DEVICES);
    static final byte[][] COURSE_BYTES = ascii(COURSES);

    private Catalogue() {
    }

    static int subChannelCount() {
        int n = 0;
        for (Channel c : CHANNELS) {
            n += c.subChannels().size();
        }
        return n;
    }

    static byte[][] ascii(String[] texts) {
        byte[][] b = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            b[i] = texts[i].getBytes(StandardCharsets.US_ASCII);
        }
        return b;
    }

    /** @return the cumulative shares, the last exactly 1, for {@link #pick} */
    static double[] cumulative(double[] shares) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double[] c = new double[shares.length];
        double run = 0;
        for (int i = 0; i < shares.length; i++) {
            run += shares[i];
            c[i] = run / total;
        }
        c[c.length - 1] = 1.0;
        return c;
    }

    /** @return the first index whose cumulative share exceeds {@code u} */
    static int pick(double[] cumulative, double u) {
        int i = 0;
        while (i < cumulative.length - 1 && cumulative[i] <= u) {
            i++;
        }
        return i;
    }
}
