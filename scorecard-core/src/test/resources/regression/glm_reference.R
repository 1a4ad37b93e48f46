# Reference values for IrlsFitterTest: binomial glm fits on the shipped datasets.
#
# Run from the repository root:
#   Rscript scorecard-core/src/test/resources/regression/glm_reference.R
# (scripts/install-r.sh installs R on Debian.) Uses base R only. Writes one CSV per fit next to this
# script, in long form "quantity,term,value" so that a test can read it with a few lines of code:
# estimate, std_error, z_value and p_value per term, then logLik, AIC, BIC, nobs, deviance,
# iterations and converged for the model. Numbers are written with format(x, digits = 17), enough to
# round-trip a double.
#
# epsilon = 1e-14 (R's default is 1e-8) so that the references are converged far past the 1e-6
# relative tolerance the tests use; our fitter's default tolerance is 1e-10.

out_dir <- "scorecard-core/src/test/resources/regression"
control <- glm.control(epsilon = 1e-14, maxit = 100)

num <- function(x) format(x, digits = 17)

write_fit <- function(fit, file, description) {
  s <- summary(fit)$coefficients
  lines <- c(
    paste0("# ", R.version.string, ", stats::glm(family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))"),
    "# regenerate from the repository root: Rscript scorecard-core/src/test/resources/regression/glm_reference.R",
    paste0("# ", description),
    "quantity,term,value")
  cols <- c(estimate = "Estimate", std_error = "Std. Error", z_value = "z value", p_value = "Pr(>|z|)")
  for (term in rownames(s)) {
    for (q in names(cols)) {
      lines <- c(lines, paste0(q, ",", term, ",", num(s[term, cols[[q]]])))
    }
  }
  model <- c(logLik = as.numeric(logLik(fit)), AIC = AIC(fit), BIC = BIC(fit), nobs = nobs(fit),
             deviance = deviance(fit), iterations = fit$iter, converged = as.numeric(fit$converged))
  for (q in names(model)) {
    lines <- c(lines, paste0(q, ",,", num(model[[q]])))
  }
  path <- file.path(out_dir, file)
  con <- file(path, open = "wb")  # "wb": LF line ends on every platform
  writeLines(lines, con)
  close(con)
  cat("wrote", path, "\n")
}

# germancredit: 1000 rows, no missing values; event = "bad".
g <- read.csv("datasets/germancredit/germancredit.csv", check.names = FALSE, stringsAsFactors = FALSE)
g$bad <- as.integer(g$creditability == "bad")
g_formula <- bad ~ duration_in_month + credit_amount + age_in_years +
  installment_rate_in_percentage_of_disposable_income + number_of_existing_credits_at_this_bank

write_fit(glm(g_formula, family = binomial, data = g, control = control),
          "germancredit_glm.csv",
          "datasets/germancredit/germancredit.csv, event creditability == \"bad\", all 1000 rows")

# credit_data: empty cells are missing; rows with a missing value in a used column are dropped.
cd <- read.csv("datasets/credit-data/credit_data.csv", na.strings = c("", "NA"), stringsAsFactors = FALSE)
cd_vars <- c("Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price")
cd <- cd[complete.cases(cd[, c("Status", cd_vars)]), ]
cd$bad <- as.integer(cd$Status == "bad")
cd_formula <- as.formula(paste("bad ~", paste(cd_vars, collapse = " + ")))

write_fit(glm(cd_formula, family = binomial, data = cd, control = control),
          "credit_data_glm.csv",
          "datasets/credit-data/credit_data.csv, event Status == \"bad\", rows with a missing value in a used column dropped")

# germancredit with integer prior weights w = 1 + (r mod 3), r the 0-based data row index
# (1, 2, 3, 1, 2, 3, ... from the first data row); integer weights keep binomial glm free of warnings.
g$w <- 1 + ((seq_len(nrow(g)) - 1) %% 3)
write_fit(glm(g_formula, family = binomial, data = g, weights = w, control = control),
          "germancredit_weighted_glm.csv",
          "as germancredit_glm.csv with prior weights w = 1 + (r mod 3), r the 0-based data row index")
