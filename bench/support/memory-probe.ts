/**
 * Preloaded into a measured child with --require: answers the bench's "memory" question over the IPC
 * channel with process.memoryUsage(). The channel is unref'd so that it never keeps the child alive.
 */
if (typeof process.send === 'function') {
  process.on('message', (message: unknown) => {
    if (message === 'memory') process.send?.({ answer: 'memory', value: process.memoryUsage() });
  });
  process.channel?.unref();
}
export {};
