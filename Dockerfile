# syntax=docker/dockerfile:1
# Build stage: native modules (better-sqlite3) compile here; the Prisma client is generated here.
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json prisma.config.ts tsconfig.json tsconfig.build.json ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY src ./src
COPY bin ./bin
# npm ci's postinstall generates the Prisma clients and compiles src/ into dist/.
RUN npm ci --no-audit --no-fund \
 && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: production dependencies and compiled code only, as the unprivileged node user.
FROM node:20.20.2-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_URL=file:/data/vouch.db \
    PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/bin ./bin
COPY package.json manifest.json ./
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node, not npm: npm does not forward SIGTERM, and the graceful stop needs it.
CMD ["node", "dist/main.js"]
