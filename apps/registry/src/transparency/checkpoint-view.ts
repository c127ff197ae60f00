import type { StoredCheckpoint, TransparencyLog } from '@registry/tlog';
import type { CheckpointObject } from './proof.objects';

export function checkpointObject(log: TransparencyLog, checkpoint: StoredCheckpoint): CheckpointObject {
  return {
    origin: checkpoint.note.slice(0, checkpoint.note.indexOf('\n')),
    treeSize: checkpoint.treeSize,
    rootHash: checkpoint.rootHash.toString('base64'),
    signedAt: checkpoint.signedAt,
    note: log.cosignedNote(checkpoint),
    witnesses: log.checkpoints.cosignatures(checkpoint.treeSize).map((cosignature) => cosignature.witness),
  };
}
