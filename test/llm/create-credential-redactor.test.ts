import { describe, expect, it } from 'vitest';
import { createCredentialRedactor } from '../../src/llm/create-credential-redactor.js';
import { REDACTED as R } from '../../src/llm/redact-secrets.js';
import { testPrivateKey } from '../support/test-probot.js';

describe('createCredentialRedactor', () => {
  const apiKey = 'azk-7f3a9c2e5b1d8f4a6c0e';

  it('a credential anywhere in a text › every occurrence replaced', () => {
    const redact = createCredentialRedactor([apiKey]);
    expect(redact(`key=${apiKey}; again: ${apiKey}.`)).toBe(`key=${R}; again: ${R}.`);
  });

  it('a PEM key › withheld whole, line by line (as a diff shows it) and as JSON escapes it', () => {
    const pem = testPrivateKey();
    const body = pem.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----'));
    const redact = createCredentialRedactor([pem]);
    expect(redact(pem.trim())).toBe(R);
    expect(redact(`+${body[3]}`)).toBe(`+${R}`);
    expect(redact(JSON.stringify({ key: pem.trim() }))).toBe(`{"key":"${R}"}`);
  });

  it('a short credential (a word such as "development") › not withheld, or ordinary text would be', () => {
    const redact = createCredentialRedactor(['development', 'not-needed', '']);
    expect(redact('the development branch')).toBe('the development branch');
  });

  it('no credentials › the text unchanged', () => {
    expect(createCredentialRedactor([])('anything')).toBe('anything');
  });
});
