import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether `signature` (the `X-Hub-Signature-256` header, `sha256=<hex>`) is the HMAC-SHA256 of the
 * raw body under the webhook secret, compared in constant time
 * (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries).
 */
export function verifySignature(secret: string, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
