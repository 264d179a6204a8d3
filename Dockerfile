# syntax=docker/dockerfile:1

# --- build: compile TypeScript with the dev dependencies ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts are not needed: grammars ship as WebAssembly, nothing native is built.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# --- production: runtime dependencies and compiled code only, as an unprivileged user ---
FROM node:20-bookworm-slim AS production
# HOST: listen on every interface of the container, or `docker run -p 3000:3000` reaches nothing
# (Sift's default is localhost, right for a laptop and wrong for a container).
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY prompts ./prompts
COPY app.yml ./
USER node
EXPOSE 3000
# Webhooks at /api/github/webhooks; /healthz says the process is alive.
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]
