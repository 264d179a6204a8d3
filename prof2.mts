import { mkdtempSync } from 'node:fs';
import { createSymbolCaches, createSymbolIndex } from './src/context/symbol-index.ts';
import { tokenizeIdentifiers } from './src/context/tokenize-identifiers.ts';
import { createFixtureRepository } from './src/repository/fixture-repository.ts';

// reuse large repo creation quickly by calling the bench module pieces
const root = process.argv[2];
let t = performance.now();
const snap = await createFixtureRepository(root).snapshot('head');
console.log('snapshot', (performance.now() - t).toFixed(0), snap.files.size);
const caches = createSymbolCaches();
const index = createSymbolIndex(snap, caches);
t = performance.now();
await index.filesMentioning('each');
console.log('mention table', (performance.now() - t).toFixed(0));
t = performance.now();
const imp = await index.importersOf('src/utils/common.ts');
console.log('importers', (performance.now() - t).toFixed(0), imp.size, caches.parsed);
