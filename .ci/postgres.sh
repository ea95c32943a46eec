#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 cluster when it is down and prepares Herald's role and database
# (user herald, password herald, database herald; not a superuser, so row-level security applies).
# Needs root (or the postgres user's rights). Prints the JDBC URL to use.
set -euo pipefail

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "PostgreSQL is not installed (pg_lsclusters not found)" >&2
  exit 1
fi
version=$(pg_lsclusters --no-header | awk 'NR==1{print $1}')
cluster=$(pg_lsclusters --no-header | awk 'NR==1{print $2}')
if ! pg_lsclusters --no-header | awk 'NR==1{print $4}' | grep -q online; then
  pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
fi
for _ in $(seq 1 30); do
  su postgres -c "psql -qtAc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -v ON_ERROR_STOP=1 -qc \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='herald') THEN CREATE ROLE herald LOGIN PASSWORD 'herald'; END IF; END\\\$\\\$\""
db="${1:-herald}"
if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='$db'\"" | grep -q 1; then
  su postgres -c "createdb -O herald $db"
fi
port=$(pg_lsclusters --no-header | awk 'NR==1{print $3}')
echo "jdbc:postgresql://127.0.0.1:${port}/${db}"
