import { v5 as uuidV5 } from 'uuid';
import { eventIdFor } from './event-ids';

describe('event ids derived from the command id', () => {
  const commandId = '0b6c3c1e-2f0a-4d0e-9a55-3f4c2f1d9e10';

  it('are the same every time the same command appends to the same stream', () => {
    expect(eventIdFor(commandId, 'certificate-TH-1', 0)).toBe(eventIdFor(commandId, 'certificate-TH-1', 0));
  });

  it('differ by command, stream and place in the append', () => {
    const ids = new Set([
      eventIdFor(commandId, 'certificate-TH-1', 0),
      eventIdFor(commandId, 'certificate-TH-1', 1),
      eventIdFor(commandId, 'certificate-TH-2', 0),
      eventIdFor('5d1f3b0e-8c7a-4f55-b2a0-6f1e9d3c2b11', 'certificate-TH-1', 0),
    ]);
    expect(ids.size).toBe(4);
  });

  it('are version 5 RFC 4122 UUIDs', () => {
    expect(eventIdFor(commandId, 'scheme-APO-PS 101:2023', 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('are the ids earlier releases derived, so a retry in flight across an upgrade still finds its events', () => {
    expect(eventIdFor(commandId, 'certificate-TH-1', 0)).toBe('03cd1dfc-f9b0-59c3-9b97-b63866851fea');
  });

  it('are the uuid library\'s version 5 UUIDs of the same name, for any stream name (non-ASCII included)', () => {
    for (const stream of ['certificate-TH-1', 'certificate-ÉCOLE-Ω-1', 'scheme-APO-PS 101:2023', 'cb-👍']) {
      for (const index of [0, 1, 12]) {
        expect(eventIdFor(commandId, stream, index)).toBe(uuidV5(`${commandId}\u0000${stream}\u0000${index}`, '6b1d52e0-c7a9-4d3f-9e2a-1f0b8c4d7e21'));
      }
    }
  });
});
