// Signed notes (c2sp.org/signed-note), checkpoints (c2sp.org/tlog-checkpoint) and witness cosignatures
// (c2sp.org/tlog-cosignature), on node:crypto's Ed25519.
export * from './ed25519-keys';
export * from './signed-note';
export * from './checkpoint';
export * from './cosignature';
