/** c2sp.org/tlog-checkpoint: the note text a log signs — origin, tree size, base64 root hash. */
export interface CheckpointBody {
  origin: string;
  size: number;
  rootHash: Buffer;
}

export function formatCheckpoint({ origin, size, rootHash }: CheckpointBody): string {
  return `${origin}\n${size}\n${rootHash.toString('base64')}\n`;
}

/** Reads the first three lines of a checkpoint's text (extension lines are allowed and ignored). */
export function parseCheckpoint(text: string): CheckpointBody {
  const [origin, sizeText, rootText] = text.split('\n');
  if (!origin || !/^(0|[1-9][0-9]*)$/.test(sizeText ?? '') || rootText === undefined) throw new Error('not a checkpoint: origin, size, root hash');
  const rootHash = Buffer.from(rootText, 'base64');
  if (rootHash.length !== 32 || rootHash.toString('base64') !== rootText) throw new Error('the checkpoint root hash is not base64 of 32 bytes');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw new Error('the checkpoint size is too large');
  return { origin, size, rootHash };
}
