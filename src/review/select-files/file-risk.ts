import { isTestPath } from '../../context/is-test-path.js';
import { detectLanguage } from '../../context/languages.js';
import type { DiffFile } from '../../diff/types.js';

const SENSITIVE =
  /(auth|crypt|token|passw|secret|session|permission|credential|sanitiz|escape|sql|query|payment|billing)/i;
const DOCUMENTATION = /\.(md|mdx|rst|txt|adoc)$/i;
const CONFIGURATION = /\.(json|ya?ml|toml|ini|cfg|conf|xml|properties)$/i;

/**
 * How likely a changed file is to hide a defect worth a comment, for deciding what to leave out
 * when a pull request is over its budget: more changed lines weigh more (with diminishing
 * returns); production code over tests, tests over configuration, configuration over prose;
 * security-sensitive names count extra; a deleted file matters less than changed code.
 */
export function fileRisk(file: DiffFile): number {
  const size = Math.log2(2 + file.additions + file.deletions);
  let weight = detectLanguage(file.path)
    ? 1
    : CONFIGURATION.test(file.path)
      ? 0.5
      : DOCUMENTATION.test(file.path)
        ? 0.1
        : 0.4;
  if (isTestPath(file.path)) weight *= 0.3;
  if (SENSITIVE.test(file.path)) weight *= 1.5;
  if (file.status === 'removed') weight *= 0.5;
  return size * weight;
}
