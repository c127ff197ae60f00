import type { WebSocket } from 'ws';

/** The operations remembered per connection; a client that sends more without starting them drops the oldest. */
const MAX_REMEMBERED = 32;

export interface SubscriptionVariablesContext {
  subscriptionVariables?: Map<string, { variables: unknown; operationName: unknown }>;
}

/**
 * `subscription.context`: Mercurius gives its subscription hooks the document but not the variables, and lets
 * graphql's `subscribe` coerce them, logging a wrongly typed one at error level and sending it without a code.
 * So each `subscribe` message's variables are kept by operation id (read before Mercurius reads the message), for
 * the preSubscriptionExecution hook to coerce first (see subscription-guard.ts).
 */
export function rememberSubscriptionVariables(socket: WebSocket): SubscriptionVariablesContext {
  const byId = new Map<string, { variables: unknown; operationName: unknown }>();
  socket.prependListener('message', (data: Buffer) => {
    let message: { type?: unknown; id?: unknown; payload?: { variables?: unknown; operationName?: unknown } };
    try {
      message = JSON.parse(data.toString('utf8')) as typeof message;
    } catch {
      return; // Mercurius answers a message that is not JSON
    }
    if ((message?.type !== 'subscribe' && message?.type !== 'start') || typeof message.id !== 'string') return;
    byId.delete(message.id);
    byId.set(message.id, { variables: message.payload?.variables, operationName: message.payload?.operationName });
    if (byId.size > MAX_REMEMBERED) byId.delete(byId.keys().next().value!);
  });
  return { subscriptionVariables: byId };
}

/** The variables the `subscribe` message of operation `id` carried (forgotten once taken). */
export function takeSubscriptionVariables(context: SubscriptionVariablesContext, id: string | number): { variables: unknown; operationName: unknown } | undefined {
  const key = String(id);
  const found = context.subscriptionVariables?.get(key);
  context.subscriptionVariables?.delete(key);
  return found;
}
