import { EMPTY_ROOT, hashChildren, isPowerOfTwo, splitPoint } from './hashes';

/**
 * Where proofs get their hashes: the root of the perfect subtree of 2^level leaves starting at leaf
 * index * 2^level (level 0: the leaf hashes). A tree file answers it with one lookup; an array of leaves
 * answers it by hashing.
 */
export interface PerfectSubtrees {
  perfect(level: number, index: number): Buffer;
}

/** MTH(D[start:end]) (RFC 9162 §2.1.1) for the ranges the proof algorithms visit: `start` is a multiple of the
 * largest power of two below end - start, so the left part is always a perfect subtree. */
export function rangeRoot(tree: PerfectSubtrees, start: number, end: number): Buffer {
  const n = end - start;
  if (n <= 0) return EMPTY_ROOT;
  if (isPowerOfTwo(n)) return tree.perfect(Math.log2(n), start / n);
  const k = splitPoint(n);
  return hashChildren(tree.perfect(Math.log2(k), start / k), rangeRoot(tree, start + k, end));
}

export function treeRoot(tree: PerfectSubtrees, size: number): Buffer {
  return rangeRoot(tree, 0, size);
}

/** PATH(m, D[0:n]) of RFC 9162 §2.1.3.1: the audit path of leaf m in the tree of n leaves, leaf side first. */
export function inclusionProof(tree: PerfectSubtrees, leafIndex: number, treeSize: number): Buffer[] {
  checkIndex(leafIndex, treeSize);
  const path: Buffer[] = [];
  let start = 0;
  let end = treeSize;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (leafIndex - start < k) {
      path.push(rangeRoot(tree, start + k, end));
      end = start + k;
    } else {
      path.push(rangeRoot(tree, start, start + k));
      start += k;
    }
  }
  return path.reverse();
}

/** PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1: what shows the tree of m leaves is a prefix of the tree of n. Empty
 * when m is 0 or m equals n. */
export function consistencyProof(tree: PerfectSubtrees, fromSize: number, toSize: number): Buffer[] {
  if (!Number.isSafeInteger(fromSize) || !Number.isSafeInteger(toSize) || fromSize < 0 || fromSize > toSize) {
    throw new RangeError(`no consistency proof from ${fromSize} to ${toSize} leaves`);
  }
  if (fromSize === 0 || fromSize === toSize) return [];
  const proof: Buffer[] = [];
  let m = fromSize;
  let start = 0;
  let end = toSize;
  let startFromOldRoot = true;
  for (;;) {
    const n = end - start;
    if (m === n) {
      if (!startFromOldRoot) proof.push(rangeRoot(tree, start, end));
      break;
    }
    const k = splitPoint(n);
    if (m <= k) {
      proof.push(rangeRoot(tree, start + k, end));
      end = start + k;
    } else {
      proof.push(rangeRoot(tree, start, start + k));
      m -= k;
      start += k;
      startFromOldRoot = false;
    }
  }
  return proof.reverse();
}

function checkIndex(leafIndex: number, treeSize: number): void {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) {
    throw new RangeError(`leaf ${leafIndex} is not in a tree of ${treeSize} leaves`);
  }
}

/** Perfect subtrees of an in-memory list of leaf hashes (tests, small verifiers). */
export class LeafList implements PerfectSubtrees {
  constructor(private readonly leaves: readonly Buffer[]) {}

  perfect(level: number, index: number): Buffer {
    const width = 2 ** level;
    const start = index * width;
    if (level === 0) return this.leaves[start];
    const half = width / 2;
    return hashChildren(this.perfect(level - 1, start / half), this.perfect(level - 1, start / half + 1));
  }
}
