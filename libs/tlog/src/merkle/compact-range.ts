import { EMPTY_ROOT, hashChildren } from './hashes';

/**
 * The right edge of a tree being built leaf by leaf: one hash per perfect subtree, largest first (at most
 * log2(n) of them). Enough to get the root after every append without keeping the leaves — what a verifier
 * of an export, or the registry's tree file, needs.
 */
export class CompactRange {
  private readonly peaks: { size: number; hash: Buffer }[] = [];
  private count = 0;

  /** Appends a leaf hash; returns the perfect subtrees it completed, smallest first (level ≥ 1), so a
   * store can keep them. */
  append(leafHash: Buffer): { level: number; index: number; hash: Buffer }[] {
    const completed: { level: number; index: number; hash: Buffer }[] = [];
    let node = { size: 1, hash: leafHash };
    let index = this.count;
    let level = 0;
    while (this.peaks.length > 0 && this.peaks[this.peaks.length - 1].size === node.size) {
      const left = this.peaks.pop()!;
      node = { size: node.size * 2, hash: hashChildren(left.hash, node.hash) };
      level += 1;
      index = Math.floor(index / 2);
      completed.push({ level, index, hash: node.hash });
    }
    this.peaks.push(node);
    this.count += 1;
    return completed;
  }

  get size(): number {
    return this.count;
  }

  /** MTH of everything appended so far. */
  root(): Buffer {
    if (this.peaks.length === 0) return EMPTY_ROOT;
    let hash = this.peaks[this.peaks.length - 1].hash;
    for (let i = this.peaks.length - 2; i >= 0; i -= 1) hash = hashChildren(this.peaks[i].hash, hash);
    return hash;
  }

  /** A copy to append to, kept only once what it appended is stored. */
  clone(): CompactRange {
    const copy = new CompactRange();
    copy.peaks.push(...this.peaks);
    copy.count = this.count;
    return copy;
  }

  /** Restores the edge of a tree of `size` leaves from its perfect subtrees, largest first. */
  static fromPeaks(size: number, peakHashes: Buffer[]): CompactRange {
    const range = new CompactRange();
    const sizes = peakSizes(size);
    if (sizes.length !== peakHashes.length) throw new Error(`a tree of ${size} leaves has ${sizes.length} peaks, not ${peakHashes.length}`);
    sizes.forEach((peakSize, i) => range.peaks.push({ size: peakSize, hash: peakHashes[i] }));
    range.count = size;
    return range;
  }
}

/** The sizes of the perfect subtrees that make up a tree of `size` leaves, largest first. */
export function peakSizes(size: number): number[] {
  const sizes: number[] = [];
  for (let bit = 2 ** Math.floor(Math.log2(Math.max(size, 1))); bit >= 1; bit /= 2) if (Math.floor(size / bit) % 2 === 1) sizes.push(bit);
  return sizes;
}

/** MTH of a whole list of leaf hashes. */
export function rootOf(leafHashes: Iterable<Buffer>): Buffer {
  const range = new CompactRange();
  for (const hash of leafHashes) range.append(hash);
  return range.root();
}
