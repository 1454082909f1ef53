# GWS on the embedded default (simulators and in-memory stores in the same container).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    GWS_HOST=0.0.0.0 \
    GWS_PORT=8080
COPY package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY config ./config
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:8080/api/v2/diagnostics/version').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--no-allocation-site-pretenuring", "dist/apps/gws/src/main.js"]
