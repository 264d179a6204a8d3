import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dockerfile = readFileSync(join(import.meta.dirname, '../../Dockerfile'), 'utf8');
/** The instructions of the image that runs, after its last FROM. */
const production = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

describe('the Docker image', () => {
  it('listens on every interface, so `docker run -p 3000:3000` reaches it', () => {
    expect(production).toMatch(/^ENV .*\bHOST=0\.0\.0\.0\b/m);
  });

  it('its health check probes the port it listens on', () => {
    expect(production).toMatch(/HEALTHCHECK .*process\.env\.PORT\|\|3000.*\/healthz/);
  });

  it('runs the built server as an unprivileged user', () => {
    expect(production).toMatch(/^USER node$/m);
    expect(production).toMatch(/^CMD \["node", "dist\/main\.js"\]$/m);
  });

  it('keeps its state on a volume, and has the native store built for the Node it runs', () => {
    expect(production).toMatch(/^ENV .*\bSIFT_DATA_DIR=\/data\b/m);
    expect(production).toMatch(/^VOLUME \/data$/m);
    expect(production).toMatch(/^COPY --from=build \/app\/node_modules \.\/node_modules$/m);
    expect(dockerfile).toMatch(/npm_config_build_from_source=true/);
  });
});
