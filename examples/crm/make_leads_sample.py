"""Writes leads-sample.csv, the small leads file docs/commands.md and docs/channels.md run
`scorecard channels` on: 600 leads from nine channels over five months, with known conversion
rates, one lead without an outcome and one with a broken created_at (to show the rejects file).
Deterministic: Python's Mersenne Twister with a fixed seed gives the same file on every version.

    python3 examples/crm/make_leads_sample.py > examples/crm/leads-sample.csv
"""
import random

# channel, sub-channels, share of leads, true conversion rate
CHANNELS = [
    ("search", ["brand", "generic"], 0.22, 0.09),
    ("feed", ["douyin", "toutiao"], 0.25, 0.03),
    ("agent_a", [""], 0.12, 0.05),
    ("agent_b", [""], 0.04, 0.01),
    ("app", [""], 0.10, 0.12),
    ("wechat_group", ["g1", "g2", "g3"], 0.15, 0.06),
    ("referral", [""], 0.05, 0.25),
    ("webinar", [""], 0.02, 0.15),
    ("", [""], 0.05, 0.02),
]
MONTHS = ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]

r = random.Random(20261130)
print("lead_id,channel,sub_channel,created_at,city,converted,converted_at")
weights = [c[2] for c in CHANNELS]
for i in range(1, 601):
    name, subs, _, rate = r.choices(CHANNELS, weights)[0]
    sub = r.choice(subs)
    if sub == "generic":
        rate *= 0.5
    month = r.choice(MONTHS)
    day = r.randint(1, 27)
    created = f"{month}-{day:02d}T{r.randint(8, 21):02d}:{r.randint(0, 59):02d}:00+08:00"
    city = r.choice(["Beijing", "Shanghai", "Chengdu", "Wuhan"])
    converted = r.random() < rate
    at = f"{month}-{min(28, day + r.randint(1, 20)):02d}T20:00:00+08:00" if converted else ""
    outcome = "1" if converted else "0"
    if i == 137:
        outcome, at = "", ""
    if i == 412:
        created = "2026-09-31T10:00:00+08:00"
    print(f"L{i:04d},{name},{sub},{created},{city},{outcome},{at}")
