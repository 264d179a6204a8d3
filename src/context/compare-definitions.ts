import type { Definition } from './file-summary.js';

export type SymbolChange = 'removed' | 'signature-changed' | 'body-changed';

export interface ChangedSymbol {
  readonly name: string;
  readonly change: SymbolChange;
  /** The definition in the version where it still exists (base for removed, head otherwise). */
  readonly definition: Definition;
}

/**
 * Compares the definitions of a file before and after the change, for the definitions that the
 * changed lines touch (removed lines in the base, added lines in the head): a definition gone from
 * the head version was removed (or renamed, which its callers feel the same way); one whose head
 * differs changed its signature; any other touched definition changed its body. Names repeat in
 * a file (a `constructor` per class), so a base definition is paired with the head definition of
 * the same name and kind nearest to where it was.
 */
export function compareDefinitions(
  base: readonly Definition[],
  head: readonly Definition[],
  touched: { base: (definition: Definition) => boolean; head: (definition: Definition) => boolean },
): ChangedSymbol[] {
  const changes: ChangedSymbol[] = [];
  const paired = new Set<Definition>();
  for (const before of base.filter(touched.base)) {
    const after = counterpart(before, head);
    if (!after) {
      changes.push({ name: before.name, change: 'removed', definition: before });
      continue;
    }
    paired.add(after);
    changes.push({
      name: before.name,
      change: after.signature === before.signature ? 'body-changed' : 'signature-changed',
      definition: after,
    });
  }
  for (const after of head.filter(touched.head)) {
    if (paired.has(after)) continue;
    const before = counterpart(after, base);
    if (!before) continue; // new in this change: nothing uses it yet
    changes.push({
      name: after.name,
      change: after.signature === before.signature ? 'body-changed' : 'signature-changed',
      definition: after,
    });
  }
  return changes.sort((a, b) => a.definition.startLine - b.definition.startLine);
}

/**
 * The definition of the same name and kind nearest to this one; an equal signature only breaks a
 * tie, since sibling classes often share one (`constructor(private readonly db: Database)`).
 */
function counterpart(definition: Definition, others: readonly Definition[]): Definition | undefined {
  let best: Definition | undefined;
  const distance = (other: Definition) => Math.abs(other.startLine - definition.startLine);
  for (const other of others) {
    if (other.name !== definition.name || other.kind !== definition.kind) continue;
    if (
      !best ||
      distance(other) < distance(best) ||
      (distance(other) === distance(best) && other.signature === definition.signature)
    )
      best = other;
  }
  return best;
}
