import { PromptContractError } from '../errors.js';
import { PLACEHOLDER, type PromptTemplate } from './load-prompt.js';

/**
 * Fills a template. The contract is checked both ways: a placeholder without a value and a value
 * without a placeholder are both errors, so a prompt edit cannot silently drop the diff or the
 * instructions. Values are inserted once, never re-scanned, so data cannot inject placeholders.
 */
export function renderPrompt(template: PromptTemplate, values: Readonly<Record<string, string>>): string {
  const given = new Set(Object.keys(values));
  const missing = [...template.placeholders].filter((name) => !given.has(name));
  const unused = [...given].filter((name) => !template.placeholders.has(name));
  if (missing.length > 0 || unused.length > 0) {
    throw new PromptContractError(
      `[sift] prompt ${template.name}: ${[
        missing.length > 0 ? `no value for {{${missing.join('}}, {{')}}}` : '',
        unused.length > 0 ? `no placeholder for ${unused.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ')}`,
    );
  }
  return template.text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}
