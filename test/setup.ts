import nock from 'nock';
import { afterAll, afterEach } from 'vitest';
import { removeTempDirs } from './support/temp-dir.js';

// The network is reached only through nock or through fake servers this suite starts on loopback.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

afterEach(() => {
  nock.cleanAll();
});

afterAll(() => {
  removeTempDirs();
});
