import { CompactRange, consistencyProof, EMPTY_ROOT, hashLeaf, inclusionProof, LeafList, rootOf, treeRoot, verifyConsistency, verifyInclusion } from '.';

// Published RFC 6962 / RFC 9162 reference vectors (the Certificate Transparency test data, as kept by
// transparency-dev/merkle's testonly package and proof tests): eight leaf inputs, the root of every prefix,
// and known inclusion and consistency proofs. Written here as data.
const hex = (text: string): Buffer => Buffer.from(text, 'hex');
const LEAF_INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(hex);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(hex);
const LEAF_HASHES = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
  '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
  'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
  'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
  '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
].map(hex);
// [leaf index (0-based), tree size, proof]
const INCLUSION: [number, number, string[]][] = [
  [0, 1, []],
  [0, 8, [
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ]],
  [5, 8, [
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  ]],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  ]],
];
// [from size, to size, proof]
const CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, [
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ]],
  [6, 8, [
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  ]],
  [2, 5, [
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  ]],
  [6, 7, [
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  ]],
];

const leaves = LEAF_INPUTS.map(hashLeaf);
const tree = new LeafList(leaves);

describe('the RFC 9162 tree against the published test vectors', () => {
  it('hashes every leaf input to the published leaf hash', () => {
    expect(leaves.map((hash) => hash.toString('hex'))).toEqual(LEAF_HASHES.map((hash) => hash.toString('hex')));
  });

  it('gives the published root for every prefix, from 0 to 8 leaves, both from the tree and incrementally', () => {
    const range = new CompactRange();
    expect(range.root()).toEqual(EMPTY_ROOT);
    ROOTS.forEach((root, size) => {
      expect(treeRoot(tree, size).toString('hex')).toBe(root.toString('hex'));
      expect(rootOf(leaves.slice(0, size)).toString('hex')).toBe(root.toString('hex'));
    });
    leaves.forEach((leaf, index) => {
      range.append(leaf);
      expect(range.root().toString('hex')).toBe(ROOTS[index + 1].toString('hex'));
    });
  });

  it.each(INCLUSION)('builds and verifies the published inclusion proof of leaf %d in a tree of %d', (leafIndex, treeSize, proof) => {
    expect(inclusionProof(tree, leafIndex, treeSize).map((hash) => hash.toString('hex'))).toEqual(proof);
    expect(verifyInclusion(leafIndex, treeSize, leaves[leafIndex], proof.map(hex), ROOTS[treeSize])).toEqual({ ok: true });
    expect(verifyInclusion(leafIndex, treeSize, leaves[leafIndex], proof.map(hex), ROOTS[treeSize - 1 || 2]).ok).toBe(false);
  });

  it.each(CONSISTENCY)('builds and verifies the published consistency proof from %d to %d leaves', (fromSize, toSize, proof) => {
    expect(consistencyProof(tree, fromSize, toSize).map((hash) => hash.toString('hex'))).toEqual(proof);
    expect(verifyConsistency(fromSize, toSize, ROOTS[fromSize], ROOTS[toSize], proof.map(hex))).toEqual({ ok: true });
  });

  it('refuses the edge cases the reference verifier refuses', () => {
    const some = hex('abacaba000000000000000000000000000000000000000000060061e00123456');
    expect(verifyInclusion(0, 0, some, [], EMPTY_ROOT).ok).toBe(false);
    expect(verifyInclusion(1, 0, some, [], EMPTY_ROOT).ok).toBe(false);
    expect(verifyInclusion(2, 1, some, [], EMPTY_ROOT).ok).toBe(false);
    expect(verifyInclusion(0, 1, Buffer.alloc(0), [], Buffer.alloc(0)).ok).toBe(false);
    expect(verifyConsistency(1, 0, some, some, []).ok).toBe(false);
    expect(verifyConsistency(1, 2, ROOTS[1], ROOTS[2], []).ok).toBe(false);
    expect(verifyConsistency(1, 1, ROOTS[1], ROOTS[2], []).ok).toBe(false);
    expect(verifyConsistency(0, 1, EMPTY_ROOT, ROOTS[1], [EMPTY_ROOT]).ok).toBe(false);
    expect(verifyConsistency(0, 5, EMPTY_ROOT, ROOTS[5], []).ok).toBe(true);
  });
});
