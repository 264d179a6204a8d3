/**
 * One way to recognise a secret in a line of text. Rules are data: the pattern, where it was
 * ported from, and an optional check on what it captured. Only the captured secret is replaced,
 * so `password = "hunter2hunter2"` still reads as an assignment of a literal to a password.
 */
export interface SecretRule {
  readonly id: string;
  /** The rule this one is ported from (gitleaks rule id, secretlint package) or the format's documentation. */
  readonly source: string;
  /**
   * `token`: the value's own shape says it is a secret (`ghp_…`, `AKIA…`), so the rule may run
   * over any text, logs included. `context`: the value is a secret because of where it stands
   * (after `password=`, inside `user:…@host`).
   */
  readonly kind: 'token' | 'context';
  /** The secret is the named group `secret` when the pattern has one, else the whole match. */
  readonly pattern: RegExp;
  /** Whether what the pattern captured is a real secret rather than a placeholder or code. */
  readonly accepts?: (secret: string, match: RegExpMatchArray) => boolean;
}

/** Builds a rule, compiling its pattern global and with match indices, which the redaction needs. */
export function secretRule(rule: SecretRule): SecretRule {
  const flags = new Set([...rule.pattern.flags, 'g', 'd']);
  return { ...rule, pattern: new RegExp(rule.pattern.source, [...flags].join('')) };
}
