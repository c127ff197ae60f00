# The registry as a container, for the compose files next to this one. Build from the repository root:
#   docker build -f eventstore/registry.Dockerfile -t mutual-recognition-registry .
FROM node:20.19-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles if no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.base.json tsconfig.build.json tsconfig.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY eventstore ./eventstore
RUN npm run build && npm prune --omit=dev

FROM node:20.19-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 REGISTRY_DATA_DIR=/var/lib/registry
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /var/lib/registry && chown node:node /var/lib/registry
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/apps/registry/src/main.js"]
