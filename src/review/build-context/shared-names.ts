import type { DefinitionKind } from '../../context/file-summary.js';
import type { SymbolIndex } from '../../context/symbol-index.js';
import { tokenizeIdentifiers } from '../../context/tokenize-identifiers.js';
import type { ChangedFileFacts } from './analyse-changed-file.js';

/** Kinds of shared state: when a change alters how one is produced or compared, its other users care (types are used everywhere and say little). */
const SHARED_KINDS: ReadonlySet<DefinitionKind> = new Set(['constant', 'variable', 'enum']);
// A name in more files than this is plumbing (a logger, a config object), not a contract of this change.
const MAX_FILES = 25;
const MAX_NAMES = 8;

/**
 * Module-level constants, variables, enums and types that the changed lines mention — a sentinel
 * error now wrapped, a flag now set differently. Other code comparing against them may no longer
 * agree with the change.
 */
export async function sharedNames(
  facts: ChangedFileFacts,
  index: SymbolIndex,
  exclude: ReadonlySet<string>,
): Promise<string[]> {
  const mentioned = tokenizeIdentifiers([...facts.lines.addedText, ...facts.lines.removedText].join('\n'));
  const names: string[] = [];
  for (const name of [...mentioned].sort()) {
    if (names.length >= MAX_NAMES) break;
    if (name.length < 4 || exclude.has(name)) continue;
    const files = await index.filesMentioning(name);
    if (files.length < 2 || files.length > MAX_FILES) continue;
    const definitions = await index.definitionsNamed(name, files);
    if (definitions.some(({ definition }) => SHARED_KINDS.has(definition.kind))) names.push(name);
  }
  return names;
}
