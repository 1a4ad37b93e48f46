-- Scorecard model 'tiny 'model'' (scorecard test) as SQL, dialect ansi.
-- Reads "crm"."leads": numeric characteristics as DOUBLE PRECISION, categorical ones as VARCHAR with the raw text.
-- Missing: NULL; in text columns also the model's missing tokens. See docs/export-sql.md.
WITH "sc_bins" AS (
  SELECT
    "lead id",
    CASE
      WHEN "duration" IS NULL THEN 5
      WHEN "duration" IN (CAST(-1e0 AS DOUBLE PRECISION)) THEN 3
      WHEN "duration" IN (CAST(0e0 AS DOUBLE PRECISION)) THEN 4
      WHEN "duration" < CAST(8.5e0 AS DOUBLE PRECISION) THEN 0
      WHEN "duration" >= CAST(8.5e0 AS DOUBLE PRECISION) AND "duration" < CAST(20.5e0 AS DOUBLE PRECISION) THEN 1
      WHEN "duration" >= CAST(20.5e0 AS DOUBLE PRECISION) THEN 2
      ELSE 5
    END AS "bin_duration",
    CASE
      WHEN "Loan ""purpose""" IS NULL OR "Loan ""purpose""" IN ('', 'NA') THEN -2
      WHEN "Loan ""purpose""" IN ('car (new)') THEN 0
      WHEN "Loan ""purpose""" IN ('O''Brien''s "shop"', 'radio/television') THEN 1
      WHEN "Loan ""purpose""" IN ('business') THEN 2
      ELSE 2
    END AS "bin_loan_purpose",
    CASE
      WHEN "Âge" IS NULL THEN -2
      WHEN "Âge" < CAST(0e0 AS DOUBLE PRECISION) THEN 0
      WHEN "Âge" >= CAST(0e0 AS DOUBLE PRECISION) AND "Âge" < CAST(30e0 AS DOUBLE PRECISION) THEN 1
      WHEN "Âge" >= CAST(30e0 AS DOUBLE PRECISION) THEN 2
      ELSE -2
    END AS "bin_ge"
  FROM "crm"."leads"
),
"sc_points" AS (
  SELECT
    "lead id",
    CASE "bin_duration"
      WHEN 0 THEN 40
      WHEN 1 THEN 9
      WHEN 2 THEN -23
      WHEN 3 THEN -12
      WHEN 4 THEN -5
      WHEN 5 THEN -17
      ELSE 0
    END AS "points_duration",
    CASE "bin_duration"
      WHEN 0 THEN CAST(-1.4427e0 AS DOUBLE PRECISION)
      WHEN 1 THEN CAST(-0.3228e0 AS DOUBLE PRECISION)
      WHEN 2 THEN CAST(0.8081e0 AS DOUBLE PRECISION)
      WHEN 3 THEN CAST(0.4418e0 AS DOUBLE PRECISION)
      WHEN 4 THEN CAST(0.30000000000000004e0 AS DOUBLE PRECISION)
      WHEN 5 THEN CAST(0.6242e0 AS DOUBLE PRECISION)
      ELSE 0
    END AS "woe_duration",
    CASE "bin_duration"
      WHEN 0 THEN 'duration: (-inf, 8.5)'
      WHEN 1 THEN 'duration: [8.5, 20.5)'
      WHEN 2 THEN 'duration: [20.5, inf)'
      WHEN 3 THEN 'duration: Special: -1'
      WHEN 4 THEN 'duration: Special: 0'
      WHEN 5 THEN 'duration: Missing'
    END AS "reason_duration",
    CASE "bin_loan_purpose"
      WHEN 0 THEN -9
      WHEN 1 THEN 6
      WHEN 2 THEN 2
      ELSE 0
    END AS "points_loan_purpose",
    CASE "bin_loan_purpose"
      WHEN 0 THEN CAST(0.3953e0 AS DOUBLE PRECISION)
      WHEN 1 THEN CAST(-0.2513e0 AS DOUBLE PRECISION)
      WHEN 2 THEN CAST(0.125e0 AS DOUBLE PRECISION)
      ELSE 0
    END AS "woe_loan_purpose",
    CASE "bin_loan_purpose"
      WHEN 0 THEN 'Loan "purpose": car (new)'
      WHEN 1 THEN 'Loan "purpose": O''Brien''s "shop", radio/television'
      WHEN 2 THEN 'Loan "purpose": Else'
      WHEN -2 THEN 'Loan "purpose": Missing'
    END AS "reason_loan_purpose",
    CASE "bin_ge"
      WHEN 0 THEN -7
      WHEN 1 THEN -1
      WHEN 2 THEN 3
      ELSE 0
    END AS "points_ge",
    CASE "bin_ge"
      WHEN 0 THEN CAST(0.5e0 AS DOUBLE PRECISION)
      WHEN 1 THEN CAST(0.1e0 AS DOUBLE PRECISION)
      WHEN 2 THEN CAST(-0.2e0 AS DOUBLE PRECISION)
      ELSE 0
    END AS "woe_ge",
    CASE "bin_ge"
      WHEN 0 THEN 'Âge: (-inf, 0)'
      WHEN 1 THEN 'Âge: [0, 30)'
      WHEN 2 THEN 'Âge: [30, inf)'
      WHEN -2 THEN 'Âge: Missing'
    END AS "reason_ge",
    NULLIF(TRIM(LEADING ';' FROM
      CASE WHEN "bin_loan_purpose" = -2 THEN ';missing:Loan "purpose"' ELSE '' END
      || CASE WHEN "bin_ge" = -2 THEN ';missing:Âge' ELSE '' END), '') AS "warnings"
  FROM "sc_bins"
),
"sc_sums" AS (
  SELECT
    "lead id",
    "points_duration",
    "points_loan_purpose",
    "points_ge",
    "reason_duration",
    "reason_loan_purpose",
    "reason_ge",
    "warnings",
    600
      + "points_duration"
      + "points_loan_purpose"
      + "points_ge" AS "score",
    CAST(-0.8473e0 AS DOUBLE PRECISION)
      + CAST(0.9712e0 AS DOUBLE PRECISION) * "woe_duration"
      + CAST(0.8123e0 AS DOUBLE PRECISION) * "woe_loan_purpose"
      + CAST(0.5e0 AS DOUBLE PRECISION) * "woe_ge" AS "eta",
    40 - "points_duration" AS "loss_duration",
    6 - "points_loan_purpose" AS "loss_loan_purpose",
    3 - "points_ge" AS "loss_ge"
  FROM "sc_points"
),
"sc_ranks" AS (
  SELECT
    "lead id",
    "score",
    "eta",
    "points_duration",
    "points_loan_purpose",
    "points_ge",
    "loss_duration",
    "loss_loan_purpose",
    "loss_ge",
    "reason_duration",
    "reason_loan_purpose",
    "reason_ge",
    "warnings",
    CASE WHEN "loss_loan_purpose" > "loss_duration" THEN 1 ELSE 0 END
      + CASE WHEN "loss_ge" > "loss_duration" THEN 1 ELSE 0 END AS "rank_duration",
    CASE WHEN "loss_duration" >= "loss_loan_purpose" THEN 1 ELSE 0 END
      + CASE WHEN "loss_ge" > "loss_loan_purpose" THEN 1 ELSE 0 END AS "rank_loan_purpose",
    CASE WHEN "loss_duration" >= "loss_ge" THEN 1 ELSE 0 END
      + CASE WHEN "loss_loan_purpose" >= "loss_ge" THEN 1 ELSE 0 END AS "rank_ge"
  FROM "sc_sums"
)
SELECT
    "lead id",
    "score",
    CASE
      WHEN "eta" > 700 THEN CAST(1 AS DOUBLE PRECISION)
      WHEN "eta" < -700 THEN CAST(0 AS DOUBLE PRECISION)
      WHEN "eta" >= 0 THEN 1 / (1 + EXP(-"eta"))
      ELSE EXP("eta") / (1 + EXP("eta"))
    END AS "probability",
    CASE
      WHEN "score" >= 620 THEN 'A'
      WHEN "score" >= 600 THEN 'B'
      ELSE 'C'
    END AS "grade",
    "points_duration",
    "points_loan_purpose",
    "points_ge",
    CASE
      WHEN "rank_duration" = 0 AND "loss_duration" > 0 THEN "reason_duration"
      WHEN "rank_loan_purpose" = 0 AND "loss_loan_purpose" > 0 THEN "reason_loan_purpose"
      WHEN "rank_ge" = 0 AND "loss_ge" > 0 THEN "reason_ge"
    END AS "reason1",
    CASE
      WHEN "rank_duration" = 1 AND "loss_duration" > 0 THEN "reason_duration"
      WHEN "rank_loan_purpose" = 1 AND "loss_loan_purpose" > 0 THEN "reason_loan_purpose"
      WHEN "rank_ge" = 1 AND "loss_ge" > 0 THEN "reason_ge"
    END AS "reason2",
    "warnings"
FROM "sc_ranks";
