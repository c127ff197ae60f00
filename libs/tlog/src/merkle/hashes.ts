import { createHash, hash } from 'node:crypto';

/** RFC 9162 §2.1.1 with SHA-256: leaves and interior nodes are hashed under different prefixes, so a leaf
 * can never pass for a node (second-preimage resistance). */
export const HASH_SIZE = 32;

/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT = createHash('sha256').digest();

// One-shot hashes of the prefixed bytes: a Hash object per leaf and per node cost more than the copy (every event
// is hashed as it is appended, bench row 8).
export function hashLeaf(bytes: Uint8Array): Buffer {
  const prefixed = Buffer.allocUnsafe(1 + bytes.length);
  prefixed[0] = LEAF_PREFIX;
  prefixed.set(bytes, 1);
  return hash('sha256', prefixed, 'buffer');
}

export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  const prefixed = Buffer.allocUnsafe(1 + left.length + right.length);
  prefixed[0] = NODE_PREFIX;
  prefixed.set(left, 1);
  prefixed.set(right, 1 + left.length);
  return hash('sha256', prefixed, 'buffer');
}

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** The largest power of two strictly smaller than n (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isPowerOfTwo(n: number): boolean {
  if (!Number.isSafeInteger(n) || n < 1) return false;
  let rest = n;
  while (rest % 2 === 0) rest /= 2;
  return rest === 1;
}
