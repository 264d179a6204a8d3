import { INVENTORY_SCRIPT } from '../e2e/lifecycle/script.js';
import { finding, lineIdOf, type ModelScript } from '../support/scripted-model.js';

export { RANGE_TITLE, RESERVE_TITLE } from '../e2e/lifecycle/script.js';

export const RESTOCK_TITLE = '`restock` overwrites the units already in stock';

/** The code a push adds to the inventory fixture, which ACTION_SCRIPT finds a critical problem in. */
export const RESTOCK = `
export function restock(stock: Map<string, number>, id: string, count: number): void {
  stock.set(id, count);
}
`;

/**
 * The lifecycle's inventory model (`reserve`'s strict `<=`, the unordered `formatRange`, both
 * major), and a critical finding on `restock` whenever a diff shows it.
 */
export const ACTION_SCRIPT: ModelScript = {
  review: (pass) => {
    const findings = INVENTORY_SCRIPT.review(pass);
    const restock = lineIdOf(pass.prompt, 'stock.set(id, count);');
    if (restock) {
      findings.push(
        finding({
          startLineId: restock,
          endLineId: restock,
          severity: 'critical',
          title: RESTOCK_TITLE,
          body: 'It sets the count instead of adding to it, so restocking 5 units of an item with 3 in stock leaves 5.',
        }),
      );
    }
    return findings;
  },
};
