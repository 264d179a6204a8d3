import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REPO_CONFIG } from '../../src/config/repo-config-schema.js';
import { buildReviewMessages } from '../../src/review/ask-models/build-review-messages.js';
import { CALLER_CONTEXT, inventoryReviewInputs } from './review-prompt-inputs.js';

// A copy of the real prompts with a second lens, so two passes can differ in lens as well as order.
const root = vi.hoisted(async () => {
  const { cpSync, mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const copy = mkdtempSync(join(tmpdir(), 'sift-root-'));
  cpSync(fileURLToPath(new URL('../../prompts', import.meta.url)), join(copy, 'prompts'), {
    recursive: true,
  });
  writeFileSync(
    join(copy, 'prompts', 'lenses', 'security.md'),
    '<!-- A test lens. -->\nLook only for ways an attacker controls input that reaches a query or a shell.\n',
  );
  return copy;
});
vi.mock('../../src/package-root.js', async () => ({ PACKAGE_ROOT: await root }));

afterAll(async () => rmSync(await root, { recursive: true, force: true }));

describe('buildReviewMessages across the passes of one review', () => {
  const { change, files } = inventoryReviewInputs();
  const prompt = buildReviewMessages(
    change,
    files,
    { ...DEFAULT_REPO_CONFIG, instructions: 'Money is integer cents.' },
    CALLER_CONTEXT,
  );
  const general = prompt.messagesFor({ lens: 'general', fileOrder: ['F1', 'F2', 'F3'] });
  const security = prompt.messagesFor({ lens: 'security', fileOrder: ['F3', 'F2', 'F1'] });

  it('sends a byte-identical system message and shared user message, so the provider can cache them', () => {
    expect(security[0]?.content).toBe(general[0]?.content);
    expect(security[1]?.content).toBe(general[1]?.content);
    expect(general.slice(0, 2)).toEqual(prompt.sharedPrefix);
  });

  it('differs only in the last message: the lens and the file order', () => {
    expect(general).toHaveLength(3);
    expect(security).toHaveLength(3);
    expect(security[2]?.content).not.toBe(general[2]?.content);
    expect(general[2]?.content).toContain('Review the change as a whole.');
    expect(general[2]?.content).toContain('in this order: F1, F2, F3.');
    expect(security[2]?.content).toContain('Look only for ways an attacker controls input');
    expect(security[2]?.content).toContain('in this order: F3, F2, F1.');
  });

  it('keeps the per-pass text out of the shared prefix', () => {
    const prefix = prompt.sharedPrefix.map((message) => message.content).join('\n');
    expect(prefix).not.toContain('Review the change as a whole.');
    expect(prefix).not.toContain('Go through the files in this order');
  });
});
