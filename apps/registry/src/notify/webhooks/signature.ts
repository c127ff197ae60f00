import { createHmac } from 'node:crypto';

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe's. */
export const SIGNATURE_HEADER = 'registry-signature';
/** The delivery id: the same on every attempt of a delivery, so a receiver drops duplicates by it. */
export const DELIVERY_HEADER = 'registry-delivery';

/** Signs the exact body with the watch's secret and the time of the attempt: a captured request cannot be
 * replayed once the receiver's tolerance (say five minutes) is past. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
