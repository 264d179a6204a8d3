import { describe, expect, it } from 'vitest';
import { looksLikePlaceholder } from '../../src/llm/looks-like-placeholder.js';

describe('looksLikePlaceholder', () => {
  it.each([
    ['changeme', 'changeme'],
    ['a stock word in capitals', 'PASSWORD'],
    ['a fill-in in angle brackets', '<your-token>'],
    ['a fill-in in capitals', 'YOUR_API_KEY_HERE'],
    ['replace-me', 'replace-me'],
    ['a shell variable', '$DB_PASSWORD'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is code or configuration that holds a ${…} reference
    ['a braced variable', '${SECRET}'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is code or configuration that holds a ${…} reference
    ['a GitHub Actions expression', '${{ secrets.NPM_TOKEN }}'],
    ['a Jinja or Helm template', '{{ .Values.password }}'],
    ['a Windows variable', '%API_KEY%'],
    ['a Python format field', '%(password)s'],
    ['a format placeholder', '{password}'],
    ['process.env', 'process.env.STRIPE_KEY'],
    ['os.environ', 'os.environ["TOKEN"]'],
    ['a mask', '********'],
    ['x-es', 'xxxxxxxxxxxx'],
    ['an example value', 'sk-example-key-1234'],
    ['the redaction marker itself', '[redacted secret]'],
  ])('%s › a placeholder', (_, value) => {
    expect(looksLikePlaceholder(value)).toBe(true);
  });

  it.each([
    ['a password with digits', 'hunter2hunter2'],
    ['a passphrase', 'correct horse battery staple'],
    ['a value starting with a dollar sign', '$ecretP4ss'],
    ['a value starting with a common word', 'mySuperSecret123'],
    ['a hex key', 'a8f5f167f44f4964e6c998dee827110c'],
  ])('%s › a real value', (_, value) => {
    expect(looksLikePlaceholder(value)).toBe(false);
  });
});
