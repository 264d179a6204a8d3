import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Encrypts `plain` with AES-256-GCM under `key` (32 bytes), bound to `context` (the installation
 * id): a sealed value copied onto another installation does not open. The result names its
 * version, so the format can change without guessing.
 */
export function sealSecret(plain: string, key: Buffer, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The plain text of a sealed value; throws SealedSecretError when it was not sealed with this key for this context. */
export function openSealed(sealed: string, key: Buffer, context: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined)
    throw new SealedSecretError('not a sealed value Sift knows');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SealedSecretError(
      'it was sealed with another SIFT_INSTALLATION_MODEL_KEY, or for another installation',
    );
  }
}

export class SealedSecretError extends Error {
  override readonly name = 'SealedSecretError';
}
