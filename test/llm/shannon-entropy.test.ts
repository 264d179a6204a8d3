import { describe, expect, it } from 'vitest';
import { ENTROPY_THRESHOLD } from '../../src/llm/assignment-secret-rules.js';
import { shannonEntropy } from '../../src/llm/shannon-entropy.js';
import { FAKE } from '../support/fake-secrets.js';

describe('shannonEntropy', () => {
  it.each([
    ['an empty string', '', 0],
    ['one repeated character', 'aaaaaaaaaaaaaaaa', 0],
    ['two characters, evenly', 'abababab', 1],
    ['sixteen distinct characters', '0123456789abcdef', 4],
  ])('%s › %d bits per character', (_, text, bits) => {
    expect(shannonEntropy(text)).toBeCloseTo(bits, 10);
  });

  it.each([
    ['a passphrase', 'correct-horse-battery-staple'],
    ['a sentence', 'this-is-not-a-secret'],
    ['a content type', 'application/json'],
    ['a placeholder', 'changeme-changeme'],
    ['a repeated password', 'hunter2hunter2'],
  ])('%s › below the threshold the entropy rule uses', (_, text) => {
    expect(shannonEntropy(text)).toBeLessThan(ENTROPY_THRESHOLD);
  });

  it.each([
    ['hex (an API key)', 'a8f5f167f44f4964e6c998dee827110c'],
    ['mixed case and digits', 'k8Jd93LmQp2xZr7T'],
    ['an AWS secret access key', FAKE.awsSecretAccessKey],
    ['an Azure storage key', FAKE.azureStorageKey],
  ])('%s › above it', (_, text) => {
    expect(shannonEntropy(text)).toBeGreaterThanOrEqual(ENTROPY_THRESHOLD);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(shannonEntropy('🔑🔑')).toBe(0);
  });
});
