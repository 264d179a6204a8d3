import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PromptContractError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';

export const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

export interface PromptTemplate {
  readonly name: string;
  readonly text: string;
  readonly placeholders: ReadonlySet<string>;
}

const cache = new Map<string, PromptTemplate>();

/**
 * Loads `prompts/<name>.md` once per process. The HTML comment a prompt file may open with is
 * documentation for people editing it and is not sent to the model.
 */
export function loadPrompt(name: string, directory = join(PACKAGE_ROOT, 'prompts')): PromptTemplate {
  const key = `${directory}\0${name}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(join(directory, `${name}.md`), 'utf8');
  } catch {
    throw new PromptContractError(
      `[sift] prompt ${name} not found in ${directory}: the installation is incomplete`,
    );
  }
  text = text.replace(/^<!--[\s\S]*?-->\s*/, '').trimEnd();
  const template = {
    name,
    text,
    placeholders: new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '')),
  };
  cache.set(key, template);
  return template;
}
