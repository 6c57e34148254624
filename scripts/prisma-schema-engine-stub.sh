#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on our machines.
# `prisma generate` only checks that PRISMA_SCHEMA_ENGINE_BINARY points at an executable
# and never runs it; every command that really needs the engine is refused here with a
# pointer to the project's own migration tooling (see prisma/README.md).
if [ "$1" = "--version" ] || [ "$1" = "-V" ]; then
  echo "schema-engine-cli vouch-stub (the native engine is not installed)"
  exit 0
fi
message="Prisma's native schema engine is not installed here (scripts/prisma-schema-engine-stub.sh stands in for it). Use the project's commands instead: npm run db:migrate (what prisma migrate deploy does), npm run db:status (what prisma migrate status says), npm run db:new-migration -- <name> (prisma migrate dev). See prisma/README.md."
# `prisma migrate status|deploy|dev` and `db push` first ask the engine's `cli can-connect-to-database`
# and read every stderr line after the first as one of the engine's JSON log records; an ERROR with
# an error_code is what the CLI prints as `Error: <code>: <message>`. Anything else on those lines
# turns into "Could not parse schema engine response", which says nothing useful.
echo "$message" >&2
printf '{"level":"ERROR","target":"schema_engine::logger","fields":{"error_code":"VOUCH_NO_SCHEMA_ENGINE","message":"%s"}}\n' "$message" >&2
exit 1
