import { createHash } from 'node:crypto';

/** The same fact to the same watch is the same delivery, however often it is derived or attempted. */
export function deliveryIdOf(watchId: string, factId: string): string {
  const hex = createHash('sha256').update(`${watchId}\u0000${factId}`).digest('hex');
  return `dlv_${hex.slice(0, 32)}`;
}
