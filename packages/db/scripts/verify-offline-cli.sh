#!/usr/bin/env bash
# Runs the Prisma CLI through the offline schema-engine stand-in against a real PostgreSQL and checks that
# it really does the work: a stand-in that exits 0 and does nothing would pass a CLI-only check.
#   DATABASE_URL=postgresql://postgres@127.0.0.1:55999/huiyin_verify scripts/verify-offline-cli.sh
# The database is created if missing. Needs psql for the table check.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL}"
export PRISMA_HIDE_UPDATE_MESSAGE=1
prisma() { node node_modules/prisma/build/index.js "$@"; }
step() { printf '\n== %s\n' "$*"; }

step "prisma --version (schema engine line)"; prisma --version | grep 'Schema Engine'
step "validate"; prisma validate
step "generate"; prisma generate
step "migrate deploy"; prisma migrate deploy
step "tables"; psql "$DATABASE_URL" -c '\dt'
step "migrate status"; prisma migrate status | tee /dev/stderr | grep -q 'Database schema is up to date'
step "migrate diff (database → schema, expect empty)"; prisma migrate diff --from-config-datasource --to-schema prisma/schema.prisma --exit-code
