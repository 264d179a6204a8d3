import { finding, type ModelScript } from '../../support/scripted-model.js';

/** The id the prompt's diff gives the line containing `text`, e.g. `F3:R6`. */
export function lineIdOf(prompt: string, text: string): string | undefined {
  const diff = prompt.slice(prompt.indexOf('# The diff'));
  return diff
    .split('\n')
    .find((line) => /^F\d+:[LR]\d+\s*\|/.test(line) && line.includes(text))
    ?.split(/\s/)[0];
}

export const RESERVE_TITLE = '`reserve` refuses to sell the last units in stock';
export const RANGE_TITLE = '`formatRange` prints reversed ranges when `low` > `high`';

/**
 * A model that, whenever the diff shows them, reports the two problems of the inventory fixture:
 * the strict `<=` in `reserve` and the unordered `formatRange`.
 */
export const INVENTORY_SCRIPT: ModelScript = {
  review: ({ prompt }) => {
    const findings: Array<Record<string, unknown>> = [];
    const reserve = lineIdOf(prompt, 'if (available <= count) return false;');
    if (reserve) {
      findings.push(
        finding({
          startLineId: reserve,
          endLineId: reserve,
          title: RESERVE_TITLE,
          body: 'With `available === count` the `<=` refuses an order for exactly the units left.',
        }),
      );
    }
    const range = lineIdOf(prompt, 'return `${formatPrice(low)}–${formatPrice(high)}`;');
    if (range) {
      findings.push(
        finding({
          startLineId: range,
          endLineId: range,
          title: RANGE_TITLE,
          body: 'Nothing orders `low` and `high`, so `formatRange(900, 500)` prints `$9.00–$5.00`.',
        }),
      );
    }
    return findings;
  },
};
