import { declareAggregate } from '../aggregate';
import { watchStream } from '../streams';
import type { WatchCommand } from './commands';
import { watchDecider, type WatchState } from './decider';
import { isWatchEvent, WATCH_OWNER_ROLES, type WatchEvent } from './events';

// An employer or a CB is told when answers change, a focal point or the accreditation body when action-plan
// items fall overdue; what a watch may follow, and whose it is, the decider checks.
const WATCHERS = WATCH_OWNER_ROLES;

export const watchAggregate = declareAggregate<WatchCommand, WatchState, WatchEvent>({
  stream: ({ watchId }) => watchStream(watchId),
  decider: watchDecider,
  isEvent: isWatchEvent,
  commands: {
    CreateWatch: { roles: WATCHERS },
    RotateWatchSecret: { roles: WATCHERS },
    DeleteWatch: { roles: WATCHERS },
  },
});
