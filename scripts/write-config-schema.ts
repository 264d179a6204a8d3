import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildConfigJsonSchema } from '../src/config/build-config-json-schema.js';
import { PACKAGE_ROOT } from '../src/package-root.js';

// `npm run schema`, after any change to src/config/repo-config-schema.ts; a test fails until it is run.
const target = join(PACKAGE_ROOT, 'schema', 'sift.schema.json');
writeFileSync(target, buildConfigJsonSchema());
console.log(`wrote ${target}`);
