/**
 * What one plan allows an installation. A limit left out of the plans file is no limit: an
 * operator can sell an "unlimited" plan by saying nothing.
 */
export interface PlanLimits {
  /** Reviews that may start per UTC calendar month, across the installation's repositories. */
  readonly reviewsPerMonth?: number | undefined;
  /** Files of one pull request reviewed; beyond it, the riskiest files are. */
  readonly maxFiles?: number | undefined;
  /** Changed lines (added and removed) of one pull request reviewed; beyond it, the riskiest files' are. */
  readonly maxChangedLines?: number | undefined;
  /** Review passes of the ensemble at most, whatever `ensemble.passes` asks for. */
  readonly passes?: number | undefined;
  /** Whether private repositories are reviewed; false: only public ones. */
  readonly privateRepositories: boolean;
}

export interface Plan extends PlanLimits {
  /** The plan's name in the plans file (`free`, `team`): how checks and `/review config` name it. */
  readonly name: string;
  /** The id of the GitHub Marketplace plan that buys it; absent for a plan nobody buys (the default). */
  readonly marketplacePlanId?: number | undefined;
}

/** The operator's plans file, checked: every plan, the one for accounts that bought nothing, the listing. */
export interface PlansConfig {
  readonly plans: readonly Plan[];
  /** The plan of an account with no purchase (or one the Marketplace does not know). */
  readonly noPurchase: Plan;
  /** The operator's Marketplace listing, where an account upgrades. */
  readonly upgradeUrl: string;
}
