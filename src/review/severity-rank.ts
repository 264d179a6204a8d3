import type { Severity } from './types.js';

/** Severities from least to most serious: for ordering findings and for `--fail-on` thresholds. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { minor: 1, major: 2, critical: 3 };
