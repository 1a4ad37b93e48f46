#!/bin/sh
# Installs Debian's PostgreSQL and starts a local server for the SQL export's PostgreSQL parity test
# (scorecard-train: dev.scorecard.train.export.SqlExportPostgresParityTest; skipped when no server
# answers on 127.0.0.1).
# The server listens on 127.0.0.1 only, port $SCORECARD_PG_PORT (default 5432), and gets a login
# role and a database of the same name, $SCORECARD_PG_USER (default scorecard), password
# $SCORECARD_PG_PASSWORD (default scorecard): a throw-away test database, reachable from this machine
# only. The test reads the same variables.
# Idempotent: installs only what is missing, starts the server only when it is down, creates the
# role and the database only when absent. Uses sudo only when not root.
# Needs a reachable Debian/Ubuntu package mirror when PostgreSQL is not installed yet; exits non-zero
# with a message otherwise. Stop the server with: pg_ctlcluster <version> main stop
set -eu

PORT="${SCORECARD_PG_PORT:-5432}"
DB_USER="${SCORECARD_PG_USER:-scorecard}"
DB_PASSWORD="${SCORECARD_PG_PASSWORD:-scorecard}"

. "$(dirname "$0")/root.sh"
need_root "run as root"

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; install PostgreSQL with this system's package manager"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update || fail "apt-get update failed (is a package mirror reachable?)"
    $SUDO apt-get install -y --no-install-recommends postgresql || fail "apt-get install postgresql failed"
fi

# The newest installed server version; Debian's package creates its cluster "main", an earlier
# failed install may not have.
VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
[ -n "$VERSION" ] || fail "no PostgreSQL server under /usr/lib/postgresql after the install"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
    $SUDO pg_createcluster "$VERSION" main || fail "pg_createcluster $VERSION main failed"
fi

# Loopback only, whatever postgresql.conf says: conf.d is read after it.
CONF="/etc/postgresql/$VERSION/main/conf.d/scorecard-test.conf"
WANTED="listen_addresses = '127.0.0.1'
port = $PORT"
if [ "$(cat "$CONF" 2>/dev/null || true)" != "$WANTED" ]; then
    printf '%s\n' "$WANTED" | $SUDO tee "$CONF" >/dev/null || fail "cannot write $CONF"
    if pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" && $4 == "online" { found = 1 } END { exit !found }'; then
        $SUDO pg_ctlcluster "$VERSION" main restart || fail "pg_ctlcluster $VERSION main restart failed"
    fi
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" && $4 == "online" { found = 1 } END { exit !found }'; then
    $SUDO pg_ctlcluster "$VERSION" main start || fail "pg_ctlcluster $VERSION main start failed; see /var/log/postgresql/"
fi

# As the postgres superuser over the local socket (peer authentication).
if [ -z "$SUDO" ]; then
    AS_POSTGRES="runuser -u postgres --"
else
    AS_POSTGRES="sudo -u postgres"
fi
psql_admin() {
    $AS_POSTGRES psql -p "$PORT" -v ON_ERROR_STOP=1 -qtA "$@"
}

# Names and password are quoted as SQL identifiers and literals (doubled quotes).
IDENT="\"$(printf '%s' "$DB_USER" | sed 's/"/""/g')\""
LITERAL="'$(printf '%s' "$DB_PASSWORD" | sed "s/'/''/g")'"
NAME_LITERAL="'$(printf '%s' "$DB_USER" | sed "s/'/''/g")'"
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = $NAME_LITERAL")" != "1" ]; then
    psql_admin -c "CREATE ROLE $IDENT" || fail "cannot create role $DB_USER"
fi
# Every run, so that a changed $SCORECARD_PG_PASSWORD takes effect.
psql_admin -c "ALTER ROLE $IDENT LOGIN PASSWORD $LITERAL" || fail "cannot set the password of role $DB_USER"
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = $NAME_LITERAL")" != "1" ]; then
    psql_admin -c "CREATE DATABASE $IDENT OWNER $IDENT" || fail "cannot create database $DB_USER"
fi

PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d "$DB_USER" -qtAc "SELECT version()" \
    || fail "the server is up but $DB_USER cannot log in on 127.0.0.1:$PORT"
echo "PostgreSQL $VERSION on 127.0.0.1:$PORT, database and role $DB_USER"
