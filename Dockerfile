# syntax=docker/dockerfile:1
# The official Node image. scripts/build-image.sh passes a locally built base instead, on machines
# that reach no image registry.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# Production dependencies only. Copies nothing but the manifest and lockfile, so this layer is
# rebuilt when dependencies change and reused across code changes. `--omit=optional` as well:
# the Prisma CLI and TypeScript are optional peers of @prisma/client, which `--omit=dev` alone
# keeps (250 MB more). better-sqlite3 is the one native module: scripts are skipped for
# everything else and it is built explicitly.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Then only what runs is kept: of better-sqlite3's build, the compiled driver (its SQLite sources
# and object files are 25 MB); of Prisma's query compilers, SQLite's and PostgreSQL's (the generated
# clients load no other; MySQL's, SQL Server's and CockroachDB's are 40 MB).
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 \
 && cd node_modules/better-sqlite3 \
 && mv build/Release/better_sqlite3.node /tmp/ \
 && rm -rf build deps \
 && mkdir -p build/Release \
 && mv /tmp/better_sqlite3.node build/Release/ \
 && cd /app \
 && rm node_modules/@prisma/client/runtime/*.mysql.* node_modules/@prisma/client/runtime/*.sqlserver.* \
       node_modules/@prisma/client/runtime/*.cockroachdb.* \
 && npm cache clean --force

# Build: every dependency (the Prisma CLI and TypeScript included), again cached on the lockfile;
# generating the Prisma clients and compiling needs no native module, so no install script runs.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
# What the root postinstall does, in two steps so that a code change only recompiles: the Prisma
# clients (into src/generated) depend on the schemas alone. (Prisma's warning that it cannot detect
# OpenSSL is about its native engines, which Vouch does not use.)
COPY prisma.config.ts ./
COPY scripts/prisma-schema-engine-stub.sh ./scripts/
COPY prisma ./prisma
RUN npx prisma generate --schema prisma/sqlite/schema.prisma \
 && npx prisma generate --schema prisma/postgres/schema.prisma
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# Emit only: type-checking is `npm run typecheck`'s job (CI runs it). The JavaScript is the same as
# `npm run build`'s, in a third of the time.
RUN npx tsc -p tsconfig.build.json --noCheck

# Runtime: production dependencies and compiled code only (no Prisma CLI, no TypeScript), as the
# unprivileged node user.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    DATABASE_URL=file:/data/vouch.db \
    PORT=3000
WORKDIR /app
RUN mkdir -p /data && chown node:node /data
COPY --from=deps /app/node_modules ./node_modules
COPY package.json manifest.json ./
COPY prisma ./prisma
COPY bin ./bin
COPY --from=build /app/dist ./dist
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node, not npm: npm does not forward SIGTERM, and the graceful stop needs it.
CMD ["node", "--max-semi-space-size=1", "--max-old-space-size=512", "dist/main.js"]
