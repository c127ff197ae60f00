import { Inject } from '@nestjs/common';
import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { TransparencyLog } from '@registry/tlog';
import { EventRefObject } from '../graphql/event-ref.object';
import { RecordedEventObject } from '../read/recorded-event.object';
import { TRANSPARENCY_LOG } from './transparency-log.token';

const LEAF_INDEX = {
  nullable: true,
  description: "The event's leaf in the registry's Merkle tree (its ordinal in the log), to ask inclusionProof with; null only while the tree catches up.",
};

/** `leafIndex` on every EventRef — evidence, command results — looked up by position in the tree file. */
@Resolver(() => EventRefObject)
export class EventRefLeafIndexResolver {
  constructor(@Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog) {}

  @ResolveField(() => Int, LEAF_INDEX)
  leafIndex(@Parent() ref: EventRefObject): number | null {
    return this.log.leafIndexAt(BigInt(ref.position));
  }
}

/** The same on the events `history` returns. */
@Resolver(() => RecordedEventObject)
export class RecordedEventLeafIndexResolver {
  constructor(@Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog) {}

  @ResolveField(() => Int, LEAF_INDEX)
  leafIndex(@Parent() event: RecordedEventObject): number | null {
    return this.log.leafIndexAt(BigInt(event.position));
  }
}
