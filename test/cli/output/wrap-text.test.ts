import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../src/cli/output/wrap-text.js';

describe('wrapText', () => {
  it.each([
    ['a short line › as it is, indented', 'Fails on empty input.', 40, '  ', '  Fails on empty input.'],
    [
      'a long line › broken between words',
      'The retry loop sleeps a fixed second and never backs off.',
      30,
      '  ',
      '  The retry loop sleeps a\n  fixed second and never backs\n  off.',
    ],
    [
      'paragraphs › the blank line between them kept, without trailing spaces',
      'First paragraph.\n\nSecond one.',
      40,
      '  ',
      '  First paragraph.\n\n  Second one.',
    ],
    [
      'a list item › continuation lines hang under its text',
      '- the first item is long enough to wrap\n- second',
      24,
      '',
      '- the first item is long\n  enough to wrap\n- second',
    ],
    [
      'a numbered item › hangs under its text too',
      '10. every caller must pass the lock',
      20,
      '',
      '10. every caller\n    must pass the\n    lock',
    ],
    [
      'a fenced code block › left as written, even when long',
      'Call it so:\n```python\nreserve(sku="A-1", quantity=available, warehouse="berlin-2")\n```\nThen retry.',
      30,
      '  ',
      '  Call it so:\n  ```python\n  reserve(sku="A-1", quantity=available, warehouse="berlin-2")\n  ```\n  Then retry.',
    ],
    [
      'a word longer than the line › on a line of its own, not split',
      'See https://docs.python.org/3/library/asyncio-task.html#asyncio.wait_for for details.',
      30,
      '',
      'See\nhttps://docs.python.org/3/library/asyncio-task.html#asyncio.wait_for\nfor details.',
    ],
  ])('%s', (_, text, width, indent, expected) => {
    expect(wrapText(text, width, indent)).toBe(expected);
  });
});
