import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { consistencyProof, hashLeaf, inclusionProof, LeafList, rootOf, treeRoot, verifyConsistency, verifyInclusion } from '.';

/** Leaf hashes of a tree of n leaves, each from its index (so trees of any size cost nothing to describe). */
function leavesOf(n: number, seed: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => hashLeaf(createHash('sha256').update(`${seed}:${i}`).digest()));
}

function flip(hash: Buffer, bit: number): Buffer {
  const copy = Buffer.from(hash);
  copy[Math.floor(bit / 8) % copy.length] ^= 1 << bit % 8;
  return copy;
}

const trees = fc.record({ size: fc.integer({ min: 1, max: 2_000 }), seed: fc.nat() });

describe('proofs over random trees of 1 to 2,000 leaves', () => {
  it('every inclusion proof verifies, and flipping any bit of the proof, the root or the leaf fails it', () => {
    fc.assert(
      fc.property(trees, fc.nat(), fc.nat(), ({ size, seed }, pick, bit) => {
        const leaves = leavesOf(size, seed);
        const tree = new LeafList(leaves);
        const treeSize = 1 + (pick % size);
        const leafIndex = (pick >> 3) % treeSize;
        const root = treeRoot(tree, treeSize);
        expect(root).toEqual(rootOf(leaves.slice(0, treeSize)));
        const proof = inclusionProof(tree, leafIndex, treeSize);
        expect(verifyInclusion(leafIndex, treeSize, leaves[leafIndex], proof, root)).toEqual({ ok: true });
        expect(verifyInclusion(leafIndex, treeSize, flip(leaves[leafIndex], bit), proof, root).ok).toBe(false);
        expect(verifyInclusion(leafIndex, treeSize, leaves[leafIndex], proof, flip(root, bit)).ok).toBe(false);
        if (proof.length > 0) {
          const at = bit % proof.length;
          const bent = proof.map((hash, i) => (i === at ? flip(hash, bit >> 4) : hash));
          expect(verifyInclusion(leafIndex, treeSize, leaves[leafIndex], bent, root).ok).toBe(false);
        }
        if (treeSize > 1) expect(verifyInclusion((leafIndex + 1) % treeSize, treeSize, leaves[leafIndex], proof, root).ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('every consistency proof verifies, and flipping any bit of the proof or either root fails it', () => {
    fc.assert(
      fc.property(trees, fc.nat(), fc.nat(), ({ size, seed }, pick, bit) => {
        const leaves = leavesOf(size, seed);
        const tree = new LeafList(leaves);
        const toSize = 1 + (pick % size);
        const fromSize = 1 + ((pick >> 3) % toSize);
        const fromRoot = treeRoot(tree, fromSize);
        const toRoot = treeRoot(tree, toSize);
        const proof = consistencyProof(tree, fromSize, toSize);
        expect(verifyConsistency(fromSize, toSize, fromRoot, toRoot, proof)).toEqual({ ok: true });
        expect(verifyConsistency(fromSize, toSize, flip(fromRoot, bit), toRoot, proof).ok).toBe(false);
        expect(verifyConsistency(fromSize, toSize, fromRoot, flip(toRoot, bit), proof).ok).toBe(false);
        if (proof.length > 0) {
          const at = bit % proof.length;
          const bent = proof.map((hash, i) => (i === at ? flip(hash, bit >> 4) : hash));
          expect(verifyConsistency(fromSize, toSize, fromRoot, toRoot, bent).ok).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});
