import type { Actor } from '../shared/actor';
import type { WatchTarget } from './events';

/** Loads: watch-<watchId>. No facts. Sent by an EMPLOYER or a CERTIFICATION_BODY key. */
export type CreateWatch = {
  type: 'CreateWatch';
  data: { watchId: string; target: WatchTarget; url: string };
  actor: Actor;
};

export type RotateWatchSecret = { type: 'RotateWatchSecret'; data: { watchId: string }; actor: Actor };

export type DeleteWatch = { type: 'DeleteWatch'; data: { watchId: string }; actor: Actor };

export type WatchCommand = CreateWatch | RotateWatchSecret | DeleteWatch;
