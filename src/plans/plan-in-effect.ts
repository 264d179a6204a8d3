import type { Plan } from './plan-types.js';

/** The plan an installation is under now, and why, in words for check runs and `/review config`. */
export interface PlanInEffect {
  readonly plan: Plan;
  /** The account the installation is on (an organisation or a user): whose plan it is. */
  readonly account: string;
  /** "bought on the GitHub Marketplace (Team)", "no Marketplace purchase", … */
  readonly reason: string;
  /** A change GitHub announced for later (a downgrade at the end of the billing cycle). */
  readonly upcoming: { readonly plan: Plan; readonly from: string } | null;
  /** False when the account bought a Marketplace plan the plans file does not name (`noPurchase` applies). */
  readonly known: boolean;
  /** Where the account upgrades (the operator's Marketplace listing). */
  readonly upgradeUrl: string;
}
