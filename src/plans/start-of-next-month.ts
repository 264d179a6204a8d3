/** The UTC day a month's counts start over after `at`: the 1st of the next month (`2027-01-01`). */
export function startOfNextMonth(at: number): string {
  const now = new Date(at);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}
