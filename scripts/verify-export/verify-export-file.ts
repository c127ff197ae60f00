// The auditor's verifier. It imports nothing of the registry but the canonical encoding of an event and the
// tree and note code (a test walks its imports), so it can be read, audited and run on its own.
import { canonicalEventBytes } from '../../libs/domain/src/log/canonical-event';
import { CompactRange, hashLeaf } from '../../libs/tlog/src/merkle';
import { openNote, parseCheckpoint, parseVerifierKey } from '../../libs/tlog/src/note';

export type ExportCheck =
  | { ok: true; leaves: number; checkpointSize: number; signer: string }
  | { ok: false; reason: string };

/** Checks the checkpoint's signature with the verifier key, then recomputes the root of its first `size`
 * leaves from the export's lines alone. */
export async function verifyExport(lines: AsyncIterable<string>, checkpointNote: string, verifierKey: string): Promise<ExportCheck> {
  let key;
  try {
    key = parseVerifierKey(verifierKey);
  } catch (error) {
    return { ok: false, reason: `the verifier key is not valid: ${(error as Error).message}` };
  }
  const opened = openNote(checkpointNote, key);
  if (!opened.ok) return { ok: false, reason: `the checkpoint is not signed by ${key.name}: ${opened.reason}` };
  const checkpoint = parseCheckpoint(opened.text);

  const tree = new CompactRange();
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    if (tree.size === checkpoint.size) break;
    let entry: { leafIndex?: unknown; canonical?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      return { ok: false, reason: `line ${lineNumber} is not JSON` };
    }
    if (entry.leafIndex !== tree.size || typeof entry.canonical !== 'string') {
      return { ok: false, reason: `line ${lineNumber} should be leaf ${tree.size} with its canonical bytes` };
    }
    const bytes = Buffer.from(entry.canonical, 'utf8');
    let event;
    try {
      event = JSON.parse(entry.canonical) as Parameters<typeof canonicalEventBytes>[0];
    } catch {
      return { ok: false, reason: `leaf ${tree.size} does not hold an event` };
    }
    if (typeof event !== 'object' || event === null || !canonicalEventBytes({ ...event, metadata: event.metadata ?? {} }).equals(bytes)) {
      return { ok: false, reason: `leaf ${tree.size} is not an event in its canonical form` };
    }
    tree.append(hashLeaf(bytes));
  }
  if (tree.size < checkpoint.size) return { ok: false, reason: `the export holds ${tree.size} leaves, fewer than the ${checkpoint.size} of the checkpoint` };
  if (!tree.root().equals(checkpoint.rootHash)) {
    return { ok: false, reason: `the first ${checkpoint.size} leaves of the export do not hash to the signed root` };
  }
  return { ok: true, leaves: tree.size, checkpointSize: checkpoint.size, signer: key.name };
}
