// The RFC 9162 Merkle tree: pure functions over hashes, importable by a verifier that knows nothing else of
// the registry.
export * from './hashes';
export * from './compact-range';
export * from './proofs';
export * from './verify';
