import { describe, expect, it } from 'vitest';
import { looksBinary } from '../../src/diff/looks-binary.js';

describe('looksBinary', () => {
  it.each([
    { path: 'assets/logo.png', binary: true },
    { path: 'docs/Screenshot 2024-05-01.JPEG', binary: true },
    { path: 'fonts/inter-var.woff2', binary: true },
    { path: 'release/sift-1.4.0.tar.gz', binary: true },
    { path: 'gradle/wrapper/gradle-wrapper.jar', binary: true },
    { path: 'lib/libsift.so', binary: true },
    { path: 'build/main.o', binary: true },
    { path: 'src/__pycache__/app.cpython-312.pyc', binary: true },
    { path: 'web/pkg/sift_bg.wasm', binary: true },
    { path: 'test/data/users.sqlite', binary: true },
    { path: 'favicon.ico', binary: true },
    { path: '.png', binary: true },
    { path: 'src/stock.ts', binary: false },
    { path: 'docs/architecture.svg', binary: false },
    { path: 'Makefile', binary: false },
    { path: 'bin/protoc', binary: false },
    { path: '.gitignore', binary: false },
    { path: 'assets.png/README.md', binary: false },
    { path: 'v1.2/CHANGELOG', binary: false },
    { path: 'src/png', binary: false },
  ])('$path › $binary', ({ path, binary }) => {
    expect(looksBinary(path)).toBe(binary);
  });
});
