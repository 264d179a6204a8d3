# syntax=docker/dockerfile:1

# --- build: compile TypeScript with the dev dependencies ---
FROM node:20-bookworm-slim AS build
# better-sqlite3 (the embedded store) is compiled from source here, against this image's Node;
# grammars ship as WebAssembly, so it is the only native module. package.json's allowScripts
# lets only its install script run.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
ENV npm_config_build_from_source=true
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# --- production: runtime dependencies and compiled code only, as an unprivileged user ---
FROM node:20-bookworm-slim AS production
# HOST: listen on every interface of the container, or `docker run -p 3000:3000` reaches nothing
# (Sift's default is localhost, right for a laptop and wrong for a container).
# SIFT_DATA_DIR: the embedded database (state and the journal of accepted jobs) on a volume, so a
# new container resumes what the old one accepted.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 SIFT_DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY prompts ./prompts
COPY app.yml ./
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
# Webhooks at /api/github/webhooks; /healthz says the process is alive.
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]
