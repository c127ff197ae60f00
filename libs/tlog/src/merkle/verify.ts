import { HASH_SIZE, hashChildren, isPowerOfTwo } from './hashes';

/** Why a proof was refused; verifiers report it, never throw on bad input. */
export type ProofCheck = { ok: true } | { ok: false; reason: string };

const refuse = (reason: string): ProofCheck => ({ ok: false, reason });

/** The root an audit path leads to (RFC 9162 §2.1.3.2), or why it leads nowhere. */
export function rootFromInclusionProof(leafIndex: number, treeSize: number, leafHash: Uint8Array, proof: readonly Uint8Array[]): Buffer | string {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) {
    return `leaf ${leafIndex} is not in a tree of ${treeSize} leaves`;
  }
  if (leafHash.length !== HASH_SIZE || proof.some((hash) => hash.length !== HASH_SIZE)) return 'a hash is not 32 bytes';
  // Index arithmetic on Numbers: tree sizes stay far below 2^53, and division keeps them exact.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (sn === 0) return 'the proof is longer than the path';
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return 'the proof is shorter than the path';
  return r;
}

export function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): ProofCheck {
  const computed = rootFromInclusionProof(leafIndex, treeSize, leafHash, proof);
  if (typeof computed === 'string') return refuse(computed);
  return computed.equals(root) ? { ok: true } : refuse('the proof leads to another root');
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree of `fromSize` leaves (fromRoot) is a prefix of the tree of
 * `toSize` leaves (toRoot)? */
export function verifyConsistency(
  fromSize: number,
  toSize: number,
  fromRoot: Uint8Array,
  toRoot: Uint8Array,
  proof: readonly Uint8Array[],
): ProofCheck {
  if (!Number.isSafeInteger(fromSize) || !Number.isSafeInteger(toSize) || fromSize < 0 || toSize < fromSize) {
    return refuse(`no tree of ${toSize} leaves extends one of ${fromSize}`);
  }
  if (fromRoot.length !== HASH_SIZE || toRoot.length !== HASH_SIZE || proof.some((hash) => hash.length !== HASH_SIZE)) {
    return refuse('a hash is not 32 bytes');
  }
  if (fromSize === toSize) {
    if (proof.length !== 0) return refuse('equal sizes need an empty proof');
    return Buffer.from(fromRoot).equals(toRoot) ? { ok: true } : refuse('equal sizes with different roots');
  }
  if (fromSize === 0) return proof.length === 0 ? { ok: true } : refuse('a proof from the empty tree must be empty');
  if (proof.length === 0) return refuse('the proof is empty');

  const path = isPowerOfTwo(fromSize) ? [fromRoot, ...proof] : [...proof];
  let fn = fromSize - 1;
  let sn = toSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  for (const c of path.slice(1)) {
    if (sn === 0) return refuse('the proof is longer than the path');
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return refuse('the proof is shorter than the path');
  if (!fr.equals(fromRoot)) return refuse('the proof does not lead to the older root');
  if (!sr.equals(toRoot)) return refuse('the proof does not lead to the newer root');
  return { ok: true };
}
