import { detectLanguage } from '../../context/languages.js';
import { clipText } from '../render/clip-text.js';
import type { Finding } from '../types.js';
import { codeShape } from './code-shape.js';
import type { FindingTraits } from './learning-types.js';

// A claim is a title and a few sentences; what is longer adds nothing to claimSimilarity.
const MAX_CLAIM_CHARS = 600;

/**
 * What learnings keep of a finding and compare new ones with. `claim` replaces the title and body
 * when text the answer repeated in every finding was taken out (stripSharedText).
 */
export function findingTraits(
  finding: Pick<Finding, 'fingerprint' | 'path' | 'category' | 'title' | 'body' | 'code' | 'symbolKind'>,
  claim = `${finding.title}\n${finding.body}`,
): FindingTraits {
  return {
    fingerprint: finding.fingerprint,
    path: finding.path,
    category: finding.category,
    title: clipText(finding.title, 200),
    claim: clipText(claim, MAX_CLAIM_CHARS),
    symbolKind: finding.symbolKind ?? null,
    language: detectLanguage(finding.path),
    pathPattern: pathPattern(finding.path),
    shape: codeShape(finding.code),
  };
}

/** `src/api/users.ts` → `src/api/*.ts`; a file without an extension keeps its folder: `bin/*`. */
export function pathPattern(path: string): string {
  const slash = path.lastIndexOf('/');
  const folder = slash < 0 ? '' : path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return `${folder}*${dot > 0 ? name.slice(dot) : ''}`;
}
