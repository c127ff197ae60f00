import type { DocumentChange } from '../batch-changes';
import type { DocumentKey } from '../document-projection';

/** Per document in `meta`: projection index, then the byte lengths of id, JSON (-1: removed) and keys JSON
 * (-1: unchanged). The strings themselves lie back to back in the shared buffer. */
const FIELDS = 4;
const ABSENT = -1;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit. */
const WORST_BYTES_PER_UNIT = 3;

/**
 * One slot for a batch's documents on their way to the writer thread: written here as UTF-8 into shared
 * memory, read there, with no structured clone of thousands of strings (which cost more than the SQLite
 * writes the thread takes over). A slot is reused once its batch is acknowledged, and grows if a batch
 * does not fit.
 */
export class SharedBatchSlot {
  buffer: SharedArrayBuffer;
  private bytes: Buffer;
  /** True when the writer has not seen the current buffer yet. */
  fresh = true;

  constructor(initialBytes: number) {
    this.buffer = new SharedArrayBuffer(initialBytes);
    this.bytes = Buffer.from(this.buffer);
  }

  /** Writes the documents' strings into the slot; returns the lengths the reader needs. */
  encode(documents: readonly DocumentChange[], projectionIndex: ReadonlyMap<string, number>): Int32Array {
    const meta = new Int32Array(documents.length * FIELDS);
    let offset = 0;
    documents.forEach(({ projection, id, json, keys }, index) => {
      const keysJson = keys === null ? null : JSON.stringify(keys);
      offset = this.ensure(offset, id.length + (json?.length ?? 0) + (keysJson?.length ?? 0));
      const base = index * FIELDS;
      const projectionNumber = projectionIndex.get(projection);
      if (projectionNumber === undefined) throw new Error(`no projection named ${projection}`);
      meta[base] = projectionNumber;
      meta[base + 1] = this.bytes.write(id, offset, 'utf8');
      offset += meta[base + 1];
      if (json === null) {
        meta[base + 2] = ABSENT;
      } else {
        meta[base + 2] = this.bytes.write(json, offset, 'utf8');
        offset += meta[base + 2];
      }
      if (keysJson === null) {
        meta[base + 3] = ABSENT;
      } else {
        meta[base + 3] = this.bytes.write(keysJson, offset, 'utf8');
        offset += meta[base + 3];
      }
    });
    return meta;
  }

  /** Grows the buffer (keeping what is written) so that `units` more UTF-16 code units surely fit. */
  private ensure(offset: number, units: number): number {
    const needed = offset + units * WORST_BYTES_PER_UNIT;
    if (needed <= this.buffer.byteLength) return offset;
    const grown = new SharedArrayBuffer(Math.max(needed, this.buffer.byteLength * 2));
    const bytes = Buffer.from(grown);
    this.bytes.copy(bytes, 0, 0, offset);
    this.buffer = grown;
    this.bytes = bytes;
    this.fresh = true;
    return offset;
  }
}

/** The writer's side: the documents of one batch, read back from the slot. */
export function decodeSharedBatch(bytes: Buffer, meta: Int32Array, projections: readonly string[]): DocumentChange[] {
  const documents: DocumentChange[] = [];
  let offset = 0;
  const text = (length: number): string | null => {
    if (length === ABSENT) return null;
    const value = bytes.toString('utf8', offset, offset + length);
    offset += length;
    return value;
  };
  for (let base = 0; base < meta.length; base += FIELDS) {
    const projection = projections[meta[base]];
    const id = text(meta[base + 1]) ?? '';
    const json = text(meta[base + 2]);
    const keysJson = text(meta[base + 3]);
    documents.push({ projection, id, json, keys: keysJson === null ? null : (JSON.parse(keysJson) as DocumentKey[]) });
  }
  return documents;
}
