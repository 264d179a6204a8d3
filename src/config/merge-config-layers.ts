/**
 * Merges configuration layers, most specific first (repository, then the files it extends).
 * Mappings merge key by key; any other value, lists included, is taken whole from the most
 * specific layer that sets it, so a repository that lists `categories` gets exactly that list
 * rather than the organisation's list with its own appended.
 */
export function mergeConfigLayers(layers: readonly unknown[]): unknown {
  return layers.reduceRight<unknown>((merged, layer) => mergeTwo(merged, layer), undefined);
}

function mergeTwo(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isMapping(base) || !isMapping(override)) return override;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) result[key] = mergeTwo(base[key], value);
  return result;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
