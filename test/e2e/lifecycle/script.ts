import { finding, lineIdOf, type ModelScript } from '../../support/scripted-model.js';

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
    const range = lineIdOf(prompt, '{formatPrice(low)}–');
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
