#!/bin/sh
# Installs R (Rscript) for regenerating the glm reference values in
# scorecard-core/src/test/resources/regression/. Idempotent: does nothing when Rscript is on PATH.
# Needs root and a reachable Debian/Ubuntu package mirror.
set -eu
command -v Rscript >/dev/null 2>&1 || (apt-get update && apt-get install -y --no-install-recommends r-base-core)
Rscript --version
