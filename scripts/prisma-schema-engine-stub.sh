#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on our machines.
# `prisma generate` only checks that PRISMA_SCHEMA_ENGINE_BINARY points at an executable
# and never runs it; every command that really needs the engine is refused here with a
# pointer to the project's own migration tooling (see prisma/README.md).
if [ "$1" = "--version" ] || [ "$1" = "-V" ]; then
  echo "schema-engine-cli vouch-stub (the native engine is not installed)"
  exit 0
fi
echo "Prisma's native schema engine is not installed here (scripts/prisma-schema-engine-stub.sh)." >&2
echo "Use the project's commands instead: npm run db:migrate, npm run db:new-migration -- <name>, npm run db:status (see prisma/README.md)." >&2
exit 1
