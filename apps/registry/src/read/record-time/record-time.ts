import { Inject, Injectable } from '@nestjs/common';
import { recordedThrough, type EventRef, type Known } from '@registry/domain';
import type { LeafTime, TransparencyLog } from '@registry/tlog';
import { CLOCK, type Clock } from '../../clock';
import { checkpointObject } from '../../transparency/checkpoint-view';
import type { CheckpointObject } from '../../transparency/proof.objects';
import { TRANSPARENCY_LOG } from '../../transparency/transparency-log.token';
import { ReadModelProgressProvider } from '../read-model-progress.provider';
import { knownAtArgument } from './known-at.argument';
import type { KnownThroughObject, RecordTimeFields } from './known-through.object';

/** The prefix of the log one answer rests on: what it may take into account, and how to say so. */
export interface AnswerCut {
  known: Known;
  fields: Required<RecordTimeFields>;
}

/**
 * Record time for the queries: `knownAt` becomes a prefix of the log (the tree file's clock, a binary search),
 * and the timelines the read models hold are cut there (the domain's `known*`), never replayed. Without
 * `knownAt` the answer rests on what the read models have applied.
 */
@Injectable()
export class RecordTime {
  constructor(
    @Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog,
    private readonly progress: ReadModelProgressProvider,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async cut(knownAtValue: string | null | undefined, path = 'knownAt'): Promise<AnswerCut> {
    const knownAt = knownAtArgument(knownAtValue, this.clock.now(), path);
    if (knownAt === null) {
      // Reads are synchronous: the read models hold exactly what was applied when this ran, cut there anyway.
      const applied = this.progress.appliedPosition();
      const leaf = applied === 0n ? null : this.leafTimeAt(applied);
      return { known: recordedThrough(applied === 0n ? null : String(applied)), fields: { knownAt, knownThrough: leaf && this.knownThrough(leaf) } };
    }
    const leaf = this.log.tree.lastLeafRecordedBy(knownAt);
    if (leaf === null) return { known: recordedThrough(null), fields: { knownAt, knownThrough: null } };
    if (leaf.position > this.progress.appliedPosition()) await this.progress.waitFor(leaf.position);
    return { known: recordedThrough(String(leaf.position)), fields: { knownAt, knownThrough: this.knownThrough(leaf) } };
  }

  /** When an event was recorded, by the log's clock; null while the tree has not reached it. */
  recordedAt(ref: EventRef): string | null {
    return this.log.tree.leafTimeAt(BigInt(ref.position))?.recordedAt ?? null;
  }

  leafIndex(ref: EventRef): number | null {
    return this.log.leafIndexAt(BigInt(ref.position));
  }

  /** The last answer, kept while neither the applied position nor the tree moves: every answer without
   * `knownAt` asks the same until the next event is applied (issue 18, row 4). */
  private lastLeaf: { position: bigint; treeSize: number; leaf: LeafTime | null } | undefined;

  private leafTimeAt(position: bigint): LeafTime | null {
    const treeSize = this.log.tree.size;
    const last = this.lastLeaf;
    if (last !== undefined && last.position === position && last.treeSize === treeSize) return last.leaf;
    const leaf = this.log.tree.leafTimeAt(position);
    this.lastLeaf = { position, treeSize, leaf };
    return leaf;
  }

  /** The covering checkpoint is looked up (and its cosignatures read) only if the answer's reader selects it:
   * GraphQL reads the property, and most questions never ask for it. */
  private knownThrough(leaf: LeafTime): KnownThroughObject {
    const treeSize = leaf.leafIndex + 1;
    const log = this.log;
    let checkpoint: CheckpointObject | null | undefined;
    return {
      leafIndex: leaf.leafIndex,
      treeSize,
      recordedAt: leaf.recordedAt,
      get checkpoint(): CheckpointObject | null {
        if (checkpoint === undefined) {
          const [covering] = log.checkpoints.between(treeSize, Number.MAX_SAFE_INTEGER, 1);
          checkpoint = covering ? checkpointObject(log, covering) : null;
        }
        return checkpoint;
      },
    };
  }
}
