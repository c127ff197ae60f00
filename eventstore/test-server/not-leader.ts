import { Metadata, status, type sendUnaryData, type ServerErrorResponse } from '@grpc/grpc-js';
import type { EventEmitter } from 'node:events';

/** Where a member is in its cluster: set by startTestCluster; a lone server is always its own leader. */
export interface Membership {
  isLeader(): boolean;
  leader(): { host: string; port: number };
}

/** What a follower answers a write (or a read sent with `requires-leader`): the real server's NotLeader, a
 * NOT_FOUND status whose metadata names the leader, from which the client reconnects there. */
export function notLeader(leader: { host: string; port: number }): ServerErrorResponse {
  const metadata = new Metadata();
  metadata.set('exception', 'not-leader');
  metadata.set('leader-endpoint-host', leader.host);
  metadata.set('leader-endpoint-port', String(leader.port));
  return Object.assign(new Error('Leader info available'), { code: status.NOT_FOUND, metadata });
}

type AnyCall = EventEmitter & { metadata: Metadata };

function requiresLeader(call: AnyCall): boolean {
  return call.metadata.get('requires-leader')[0] === 'true';
}

/** Appends (one call each): a follower refuses at once. */
export function leaderOnlyUnary<Call extends AnyCall, Reply>(
  membership: Membership,
  handler: (call: Call, callback: sendUnaryData<Reply>) => void,
): (call: Call, callback: sendUnaryData<Reply>) => void {
  return (call, callback) => {
    if (membership.isLeader()) return handler(call, callback);
    callback(notLeader(membership.leader()));
  };
}

/** The shared BatchAppend call: a follower fails it at the first append, as the real server does (the whole
 * call ends with NotLeader). */
export function leaderOnlyBatch<Call extends AnyCall>(membership: Membership, handler: (call: Call) => void): (call: Call) => void {
  return (call) => {
    if (membership.isLeader()) return handler(call);
    call.once('data', () => call.emit('error', notLeader(membership.leader())));
  };
}

/** Reads: served by any member, unless the client asks for the leader. */
export function leaderWhenRequired<Call extends AnyCall>(membership: Membership, handler: (call: Call) => void): (call: Call) => void {
  return (call) => {
    if (membership.isLeader() || !requiresLeader(call)) return handler(call);
    call.emit('error', notLeader(membership.leader()));
  };
}
