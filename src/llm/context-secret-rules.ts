import { looksLikePlaceholder } from './looks-like-placeholder.js';
import { type SecretRule, secretRule } from './secret-rule.js';

const notPlaceholder = (secret: string) => !looksLikePlaceholder(secret) && !/\$\{|\{\{|#\{/.test(secret);

/** Secrets recognised by where they stand: in a URL's user info, a connection string, a header. */
export const CONTEXT_SECRET_RULES: readonly SecretRule[] = [
  {
    id: 'url-password',
    source:
      'secretlint secretlint-rule-database-connection-string (postgres, mysql, mongodb) and secretlint-rule-basicauth, widened to any scheme (redis, amqp, mongodb+srv, https …)',
    // scheme://user:password@host — the password only; an empty user (redis://:pw@host) counts.
    pattern:
      /\b[a-z][a-z0-9+.-]{1,30}:\/\/[^\s:/?#@"'`]{0,100}:(?<secret>[^\s/?#@"'`]{1,200})@(?=[^\s@/]{1,255})/i,
  },
  {
    id: 'connection-string-password',
    source: 'ADO.NET / ODBC / JDBC connection strings (Password=…; Pwd=…)',
    pattern: /(?<=[;"'])\s*(?:password|pwd)\s*=\s*(?<secret>[^;"'\s]{3,200})/i,
  },
  {
    id: 'azure-storage-key',
    source:
      'Azure connection strings: AccountKey, SharedAccessKey, SharedAccessSignature (https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string)',
    pattern: /\b(?:AccountKey|SharedAccessKey|SharedSecret)\s*=\s*(?<secret>[A-Za-z0-9+/]{20,}={0,2})/i,
  },
  {
    id: 'azure-sas-signature',
    source:
      'Azure shared access signatures: the sig= parameter (https://learn.microsoft.com/rest/api/storageservices/create-service-sas)',
    pattern: /[?&;]sig=(?<secret>[A-Za-z0-9%+/=]{16,})/,
  },
  {
    id: 'authorization-header',
    source: 'gitleaks curl-auth-header (any Authorization header, not only curl)',
    pattern:
      /\b(?:proxy-)?authorization\b[\s"'\]:=,(]{1,8}(?:Basic|Bearer|Token|Digest|Bot|ApiKey)\s+(?<secret>[\w.~+/=-]{8,})/i,
  },
  {
    id: 'curl-user-password',
    source: 'gitleaks curl-auth-user',
    pattern: /\bcurl\b.{0,500}?\s(?:-u|--user)[\s=]["']?[^\s:"']{1,100}:(?<secret>[^\s"']{3,})/,
  },
  {
    id: 'npmrc-auth',
    source: 'secretlint secretlint-rule-npm (_authToken=); also _auth and _password in .npmrc',
    pattern: /(?:^|:)_(?:authToken|auth|password)\s*=\s*(?<secret>[^\s"'`]{6,})/,
  },
].map((rule) => secretRule({ ...rule, kind: 'context', accepts: notPlaceholder }));
