import { randomUUID } from 'node:crypto';
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { uuidMessage } from './wire-values';

/** The server version the test server reports; its behaviour follows the 23.10 line of the protocol. */
export const EMULATED_SERVER_VERSION = '23.10.0';

const STREAMS_SERVICE = 'event_store.client.streams.streams';
const GOSSIP_SERVICE = 'event_store.client.gossip.gossip';
const TICKS_PER_MILLISECOND = 10_000n;

/** ServerFeatures.GetSupportedMethods. Listing `batchappend` is what makes the client use BatchAppend. */
export function handleGetSupportedMethods(options: { batchAppend: boolean }) {
  return (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>): void => {
    const methods = [
      method(STREAMS_SERVICE, 'read', ['position', 'events']),
      method(STREAMS_SERVICE, 'append'),
      method(GOSSIP_SERVICE, 'read'),
    ];
    if (options.batchAppend) methods.push(method(STREAMS_SERVICE, 'batchappend'));
    callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(EMULATED_SERVER_VERSION));
  };
}

function method(serviceName: string, methodName: string, features: string[] = []): SupportedMethod {
  return new SupportedMethod().setServiceName(serviceName).setMethodName(methodName).setFeaturesList(features);
}

/** One member as gossip describes it; its HTTP endpoint is its gRPC address, as on a real node. */
export interface GossipMember {
  readonly instanceId: string;
  readonly host: string;
  readonly port: number;
  readonly leader: boolean;
}

/** A new member id, for a server that is its own cluster of one. */
export function newInstanceId(): string {
  return randomUUID();
}

/** Gossip.Read: every member, alive, leader or follower (a lone server: one alive leader, where the client is). */
export function handleGossipRead(members: () => readonly GossipMember[]) {
  return (_call: ServerUnaryCall<Empty, ClusterInfo>, callback: sendUnaryData<ClusterInfo>): void => {
    const now = (BigInt(Date.now()) * TICKS_PER_MILLISECOND).toString();
    const infos = members().map((member) =>
      new MemberInfo()
        .setInstanceId(uuidMessage(member.instanceId, 'string'))
        .setTimeStamp(now)
        .setState(member.leader ? MemberInfo.VNodeState.LEADER : MemberInfo.VNodeState.FOLLOWER)
        .setIsAlive(true)
        .setHttpEndPoint(new EndPoint().setAddress(member.host).setPort(member.port)),
    );
    callback(null, new ClusterInfo().setMembersList(infos));
  };
}
