import type { ReviewOutcome } from '../types.js';

/** Which review passes answered, which failed and why, and whether the findings were verified. */
export function describePasses(outcome: Pick<ReviewOutcome, 'passes' | 'verifierFailures'>): string {
  const { planned, failed } = outcome.passes;
  if (planned === 0) return 'none (nothing to review)';
  const failures = failed.map((failure) => `${failure.pass}: ${failure.reason}`).join('; ');
  const verifier =
    outcome.verifierFailures.length > 0
      ? `; verification failed (${outcome.verifierFailures[0]}), findings were scored on agreement alone`
      : '; findings verified';
  return `${planned - failed.length} of ${planned} answered${failures ? ` (failed: ${failures})` : ''}${verifier}`;
}
