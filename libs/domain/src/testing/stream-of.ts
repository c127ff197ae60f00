import { eventStream } from '../registry';

/** The stream an event belongs to, read off its data, as the write side names it (test worlds only; the store knows the real one). */
export const streamOf = eventStream;
