import type { ServerWritableStream } from '@grpc/grpc-js';
import type { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { ReadReply } from './read-responses';

/** Writes Read replies honouring back-pressure, and knows when the client has gone. */
export class ReplyWriter {
  private gone = false;
  readonly whenGone: Promise<void>;

  constructor(private readonly call: ServerWritableStream<ReadReq, ReadReply>) {
    this.whenGone = new Promise((resolve) => {
      const markGone = (): void => {
        this.gone = true;
        resolve();
      };
      call.once('cancelled', markGone);
      call.once('close', markGone);
      call.once('error', markGone);
    });
  }

  get closed(): boolean {
    return this.gone || this.call.cancelled || this.call.destroyed;
  }

  async write(reply: ReadReply): Promise<void> {
    if (this.closed) return;
    if (this.call.write(reply)) return;
    await Promise.race([new Promise<void>((resolve) => this.call.once('drain', () => resolve())), this.whenGone]);
  }

  end(): void {
    if (!this.closed) this.call.end();
  }
}
