import { ASSIGNMENT_SECRET_RULES } from './assignment-secret-rules.js';
import { CONTEXT_SECRET_RULES } from './context-secret-rules.js';
import type { SecretRule } from './secret-rule.js';
import { TOKEN_SECRET_RULES } from './token-secret-rules.js';

/**
 * Every rule redaction applies, each citing what it was ported from: gitleaks' default config
 * and secretlint's recommended preset (both MIT), and the providers' documentation of their
 * formats. A multi-line private key block is found by findPrivateKeyBodies, not by a rule here.
 */
export const SECRET_RULES: readonly SecretRule[] = [
  ...TOKEN_SECRET_RULES,
  ...CONTEXT_SECRET_RULES,
  ...ASSIGNMENT_SECRET_RULES,
];
