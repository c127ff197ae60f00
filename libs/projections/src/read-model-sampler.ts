import type { EventStore } from '@registry/event-store';
import type { Projector } from './projector';
import { rederiveDocument } from './rederive-document';

/** A stored document that is not what the log gives. */
export interface SampleMismatch {
  projection: string;
  id: string;
  stored: string | null;
  derived: string | null;
}

export interface SamplerCounts {
  /** Documents compared with the log since start. */
  checked: number;
  /** Documents found different (each confirmed by a second look). */
  mismatches: number;
  last?: SampleMismatch;
}

/**
 * Re-derives a few random documents from the log and compares them with what the read models store: catches
 * a file edited, or damaged inside a record where SQLite cannot see it. Slow on purpose (a handful of
 * documents per round), so it costs the registry nothing noticeable.
 */
export class ReadModelSampler {
  constructor(
    private readonly store: EventStore,
    private readonly projector: Projector,
    /** Kept by the caller, so they add up across rebuilds. */
    readonly counts: SamplerCounts = { checked: 0, mismatches: 0 },
  ) {}

  /** Compares `size` random documents; resolves with the first mismatch found (after a second look), if any. */
  async round(size: number): Promise<SampleMismatch | undefined> {
    for (const projection of this.projector.projections) {
      for (const id of this.projector.table(projection.name).sampleIds(Math.max(1, Math.ceil(size / this.projector.projections.length)))) {
        this.counts.checked += 1;
        // A write may land between reading the log and reading the file: only a difference seen twice counts.
        if ((await this.compare(projection.name, id)) === undefined) continue;
        const mismatch = await this.compare(projection.name, id);
        if (mismatch === undefined) continue;
        this.counts.mismatches += 1;
        this.counts.last = mismatch;
        return mismatch;
      }
    }
    return undefined;
  }

  private async compare(name: string, id: string): Promise<SampleMismatch | undefined> {
    const projection = this.projector.projections.find((candidate) => candidate.name === name);
    const upTo = this.projector.checkpoint(name);
    if (projection === undefined || upTo === null) return undefined;
    const derived = await rederiveDocument(this.store, projection, id, upTo);
    // The stored side is read after the log, at the checkpoint the derivation used (or later: then look again).
    if (this.projector.checkpoint(name) !== upTo) return undefined;
    const stored = this.projector.table(name).get(id) ?? null;
    return stored === derived ? undefined : { projection: name, id, stored, derived };
  }
}
