import { Inject } from '@nestjs/common';
import { Args, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { TransparencyLog } from '@registry/tlog';
import { ApplicationError } from '../errors';
import { AFTER, Connection, FIRST, IN_PAGES, isCountKey, pageOf, pageRequest } from '../read/pagination/connection';
import { checkpointObject } from './checkpoint-view';
import { treeInteger } from './proof-arguments';
import { CheckpointObject, ConsistencyProofObject, InclusionProofObject } from './proof.objects';
import { TRANSPARENCY_LOG } from './transparency-log.token';

export const CHECKPOINTS_MAX = 500;

@ObjectType('CheckpointConnection')
export class CheckpointConnection extends Connection('Checkpoint', CheckpointObject) {}

/** The log's commitments and proofs. Public: they reveal hashes, never events. */
@Resolver()
export class TransparencyResolver {
  constructor(@Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog) {}

  @Query(() => CheckpointObject, { description: 'The latest checkpoint the registry signed, with the cosignatures collected.' })
  checkpoint(): CheckpointObject {
    const latest = this.log.latestCheckpoint();
    if (latest === null) throw new ApplicationError('SERVICE_UNAVAILABLE', 'The registry has signed no checkpoint yet');
    return checkpointObject(this.log, latest);
  }

  @Query(() => [CheckpointObject], {
    description: `Signed checkpoints whose tree size is from \`from\` to \`to\` (default: all), oldest first, at most ${CHECKPOINTS_MAX}.`,
  })
  checkpoints(
    @Args('from', { type: () => Int, nullable: true }) from?: number | null,
    @Args('to', { type: () => Int, nullable: true }) to?: number | null,
  ): CheckpointObject[] {
    const low = treeInteger('from', from ?? 0, 0, Number.MAX_SAFE_INTEGER);
    const high = treeInteger('to', to ?? Number.MAX_SAFE_INTEGER, 0, Number.MAX_SAFE_INTEGER);
    return this.log.checkpoints.between(low, high, CHECKPOINTS_MAX).map((checkpoint) => checkpointObject(this.log, checkpoint));
  }

  @Query(() => CheckpointConnection, {
    description: `Signed checkpoints whose tree size is from \`from\` to \`to\` (default: all), oldest first, ${IN_PAGES}.`,
  })
  checkpointsConnection(
    @Args('from', { type: () => Int, nullable: true }) from?: number | null,
    @Args('to', { type: () => Int, nullable: true }) to?: number | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
  ): CheckpointConnection {
    const low = treeInteger('from', from ?? 0, 0, Number.MAX_SAFE_INTEGER);
    const high = treeInteger('to', to ?? Number.MAX_SAFE_INTEGER, 0, Number.MAX_SAFE_INTEGER);
    const request = pageRequest('checkpoints', first, after, isCountKey);
    const start = request.afterKey === null ? low : Math.max(low, Number(request.afterKey) + 1);
    const checkpoints = this.log.checkpoints.between(start, high, request.size + 1);
    return pageOf(
      'checkpoints',
      request,
      checkpoints,
      (checkpoint) => String(checkpoint.treeSize),
      (checkpoint) => checkpointObject(this.log, checkpoint),
      () => this.log.checkpoints.countBetween(low, high),
    );
  }

  @Query(() => InclusionProofObject, { description: 'Proves the event at leafIndex is in the tree of treeSize leaves (RFC 9162 §2.1.3).' })
  inclusionProof(
    @Args('leafIndex', { type: () => Int }) leafIndex: number,
    @Args('treeSize', { type: () => Int }) treeSize: number,
  ): InclusionProofObject {
    const size = treeInteger('treeSize', treeSize, 1, this.log.tree.size);
    const index = treeInteger('leafIndex', leafIndex, 0, size - 1);
    const proof = this.log.inclusionProof(index, size);
    return { leafIndex: index, treeSize: size, leafHash: proof.leafHash.toString('base64'), hashes: proof.hashes.map(base64) };
  }

  @Query(() => ConsistencyProofObject, { description: 'Proves the tree of fromSize leaves is a prefix of the tree of toSize leaves (RFC 9162 §2.1.4).' })
  consistencyProof(
    @Args('fromSize', { type: () => Int }) fromSize: number,
    @Args('toSize', { type: () => Int }) toSize: number,
  ): ConsistencyProofObject {
    const to = treeInteger('toSize', toSize, 0, this.log.tree.size);
    const from = treeInteger('fromSize', fromSize, 0, to);
    return { fromSize: from, toSize: to, hashes: this.log.consistencyProof(from, to).map(base64) };
  }
}

const base64 = (hash: Buffer): string => hash.toString('base64');
