import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { AddressGuard } from './address-guard';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature';

export type WebhookAttempt = { ok: true } | { ok: false; error: string };

/** The most of a receiver's answer read (it is only looked at for its status). */
const MAX_RESPONSE_BYTES = 4096;

/**
 * POSTs one signed delivery. Redirects are not followed (a 3xx is a failure): a redirect could point at the
 * registry's own network after the address was checked. The connection goes to the address the guard
 * checked, whatever the host resolves to a moment later.
 */
export class WebhookClient {
  constructor(
    private readonly guard: AddressGuard,
    private readonly timeoutMs: number,
  ) {}

  async post(url: string, body: string, deliveryId: string, secret: string, unixSeconds: number): Promise<WebhookAttempt> {
    let target: { address: string; family: 4 | 6 };
    try {
      target = await this.guard.resolve(url);
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
    const lookup: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, [{ address: target.address, family: target.family }]);
      else callback(null, target.address, target.family);
    };
    const parsed = new URL(url);
    const send = parsed.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<WebhookAttempt>((resolve) => {
      const request = send(
        parsed,
        {
          method: 'POST',
          lookup,
          timeout: this.timeoutMs,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'mutual-recognition-registry-webhooks',
            [DELIVERY_HEADER]: deliveryId,
            [SIGNATURE_HEADER]: signatureHeader(secret, body, unixSeconds),
          },
        },
        (response) => {
          let read = 0;
          response.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_RESPONSE_BYTES) response.destroy();
          });
          response.on('close', () => {
            const status = response.statusCode ?? 0;
            resolve(status >= 200 && status < 300 ? { ok: true } : { ok: false, error: status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}` });
          });
        },
      );
      const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      request.on('error', (error) => resolve({ ok: false, error: error.message }));
      request.on('close', () => clearTimeout(deadline));
      request.end(body);
    });
  }
}
