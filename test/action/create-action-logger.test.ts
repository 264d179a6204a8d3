import { describe, expect, it } from 'vitest';
import { createActionLogger } from '../../src/action/create-action-logger.js';

const KEY = 'sk-proj-abcdefghijklmnopqrstuvwx';

function capture(debug = false) {
  const lines: string[] = [];
  const log = createActionLogger(
    { write: (text: string) => lines.push(text) },
    { debug, credentials: [KEY] },
  );
  return { log, lines };
}

describe('createActionLogger', () => {
  it('levels › warnings and errors as annotations, info as a plain line, debug only when the run debugs', () => {
    const { log, lines } = capture();
    log.info('reviewing acme/inventory#7');
    log.warn('the model answered 429; retrying');
    log.error({ err: new Error('GitHub answered 403') }, 'the review failed');
    log.debug('not shown');
    expect(lines).toEqual([
      'sift: reviewing acme/inventory#7\n',
      '::warning::the model answered 429; retrying\n',
      '::error::the review failed: GitHub answered 403\n',
    ]);
    const debugging = capture(true);
    debugging.log.debug('shown');
    expect(debugging.lines).toEqual(['::debug::shown\n']);
  });

  it('text from a pull request that spells a workflow command › stays text on one line', () => {
    const { log, lines } = capture();
    log.info('skipped src/x.ts\n::set-output name=result::approved');
    log.warn('could not parse 100%\n::add-mask::x');
    expect(lines).toEqual([
      'sift: skipped src/x.ts ::set-output name=result::approved\n',
      '::warning::could not parse 100%25%0A::add-mask::x\n',
    ]);
  });

  it('credentials › withheld: the model key, and any token whose shape gives it away', () => {
    const { log, lines } = capture();
    log.error(
      `401 from the model with key ${KEY}; the token ghs_16C7e42F292c6912E7710c838347Ae178B4a was fine`,
    );
    expect(lines.join('')).not.toContain(KEY);
    expect(lines.join('')).not.toContain('ghs_16C7e42F292c6912E7710c838347Ae178B4a');
  });
});
