/** A folder or file name that says a file is generated or vendored, named for the check run. */
export interface GeneratedLocation {
  readonly kind: 'generated' | 'vendored';
  /** What about the path says so, e.g. "`dist/` folder" or "source map". */
  readonly label: string;
}

const VENDORED = /(^|\/)(vendor|third_party|third-party|node_modules|bower_components|Pods)\//;

const GENERATED_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\.min\.(js|css)$/, 'minified'],
  [/\.map$/, 'source map'],
  [/\.snap$/, 'test snapshot'],
  [/(\.pb\.go|_pb2(_grpc)?\.pyi?|\.pb\.(cc|h))$/, 'protobuf output'],
  [/\.g\.dart$/, 'Dart build_runner output'],
  [/\.[Dd]esigner\.cs$/, 'Visual Studio designer file'],
  [/\.generated\.[a-z]+$/, '`.generated.` in its name'],
  [/(^|\/)__generated__\//, '`__generated__/` folder'],
  [/(^|\/)dist\/.*\.(js|css|d\.ts)$/, '`dist/` folder'],
];

/** Whether the path alone says the file is generated or vendored, and why; null when it does not. */
export function generatedLocation(path: string): GeneratedLocation | null {
  const vendored = VENDORED.exec(path);
  if (vendored) return { kind: 'vendored', label: `\`${vendored[2]}/\` folder` };
  const named = GENERATED_NAMES.find(([pattern]) => pattern.test(path));
  return named ? { kind: 'generated', label: named[1] } : null;
}
