import { Controller, Get, Inject, Query, UseFilters } from '@nestjs/common';
import type { Actor } from '@registry/domain';
import type { LogEntry, TransparencyLog } from '@registry/tlog';
import { Authorizer, CallerActor } from '../auth';
import { HttpRefusalFilter } from './http-refusal.filter';
import { treeInteger } from './proof-arguments';
import { TRANSPARENCY_LOG } from './transparency-log.token';

export const ENTRIES_MAX = 1_000;

/** The proofs over HTTP (public: hashes only), and ranges of the log's canonical entries (AUDITOR keys). */
@Controller('log')
@UseFilters(HttpRefusalFilter)
export class LogProofsController {
  constructor(
    @Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog,
    private readonly authorizer: Authorizer,
  ) {}

  @Get('proof/inclusion')
  inclusion(@Query('leafIndex') leafIndex: unknown, @Query('treeSize') treeSize: unknown): { leafIndex: number; treeSize: number; leafHash: string; hashes: string[] } {
    const size = treeInteger('treeSize', treeSize, 1, this.log.tree.size);
    const index = treeInteger('leafIndex', leafIndex, 0, size - 1);
    const proof = this.log.inclusionProof(index, size);
    return { leafIndex: index, treeSize: size, leafHash: proof.leafHash.toString('base64'), hashes: proof.hashes.map((hash) => hash.toString('base64')) };
  }

  @Get('proof/consistency')
  consistency(@Query('fromSize') fromSize: unknown, @Query('toSize') toSize: unknown): { fromSize: number; toSize: number; hashes: string[] } {
    const to = treeInteger('toSize', toSize, 0, this.log.tree.size);
    const from = treeInteger('fromSize', fromSize, 0, to);
    return { fromSize: from, toSize: to, hashes: this.log.consistencyProof(from, to).map((hash) => hash.toString('base64')) };
  }

  /** Leaves start..end-1 (at most 1,000), each as its canonical bytes: enough to recompute the tree. */
  @Get('entries')
  async entries(@CallerActor() caller: Actor | null, @Query('start') start: unknown, @Query('end') end: unknown): Promise<{ entries: LogEntry[] }> {
    this.authorizer.requireRole(caller, ['AUDITOR'], 'the log entries');
    const from = treeInteger('start', start, 0, Math.max(this.log.tree.size - 1, 0));
    const to = treeInteger('end', end ?? Math.min(from + ENTRIES_MAX, this.log.tree.size), from + 1, Math.min(from + ENTRIES_MAX, this.log.tree.size));
    return { entries: await this.log.entries(from, to) };
  }
}
