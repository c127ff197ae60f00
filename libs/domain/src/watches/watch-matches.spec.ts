import type { DerivedFact } from '../recognition-changes/derived-facts';
import type { WatchOwner, WatchTarget } from './events';
import type { WatchTimeline } from './timeline';
import { watchReceives } from './watch-matches';

const ref = (stream: string) => ({ stream, revision: 0, position: '100', type: 'X' });
const lapsed = (certificateNumber: string, country: string, cbId: string, arrangementId: string | null, causeStream = `cb-${cbId}`): DerivedFact => ({
  id: `x:${certificateNumber}:${country}`,
  derived: true,
  type: 'RecognitionLapsed',
  data: { certificateNumber, country, cbId, asOf: '2025-09-01', cause: ref(causeStream), trigger: 'EVENT', arrangementId, reasons: [] },
});
const expiring: DerivedFact = {
  id: 'expiring:C-1:2025-12-31:90',
  derived: true,
  type: 'CertificateExpiring',
  data: { certificateNumber: 'C-1', cbId: 'th-cb', validUntil: '2025-12-31', daysBefore: 90, asOf: '2025-10-02', cause: ref('certificate-C-1') },
};
const watch = (target: WatchTarget, owner: WatchOwner, deleted = false): WatchTimeline => ({
  stream: 'watch-w',
  revision: 0,
  watchId: 'w',
  owner,
  target,
  url: 'https://example.com/hook',
  secretVersion: 1,
  created: ref('watch-w'),
  deleted: deleted ? ref('watch-w') : null,
});
const employer: WatchOwner = { role: 'EMPLOYER', keyId: 'k-emp', cbId: null };
const thCb: WatchOwner = { role: 'CERTIFICATION_BODY', keyId: 'k-th', cbId: 'th-cb' };

describe('which facts a watch receives', () => {
  it("an employer's: the exact pairs it named, and nothing once deleted", () => {
    const pairs = watch({ kind: 'CERTIFICATES', certificates: [{ certificateNumber: 'C-1', country: 'MY' }] }, employer);
    expect(watchReceives(pairs, lapsed('C-1', 'MY', 'th-cb', null))).toBe(true);
    expect(watchReceives(pairs, lapsed('C-1', 'SG', 'th-cb', null))).toBe(false);
    expect(watchReceives(pairs, lapsed('C-2', 'MY', 'th-cb', null))).toBe(false);
    expect(watchReceives(pairs, expiring)).toBe(false);
    expect(watchReceives(watch(pairs.target, employer, true), lapsed('C-1', 'MY', 'th-cb', null))).toBe(false);
  });

  it("a CB's of its CB: its own certificates and their expiry notices, never another CB's", () => {
    const own = watch({ kind: 'CERTIFICATION_BODY', cbId: 'th-cb' }, thCb);
    expect(watchReceives(own, lapsed('C-1', 'MY', 'th-cb', null))).toBe(true);
    expect(watchReceives(own, expiring)).toBe(true);
    expect(watchReceives(own, lapsed('C-9', 'TH', 'my-cb', null))).toBe(false);
  });

  it("an action plan's: the overdue alerts of its country's plan, or of every plan for the region's; nothing else reaches it", () => {
    const alert = (country: string): DerivedFact => ({
      id: `overdue:${country}:i`,
      derived: true,
      type: 'ActionPlanItemOverdue',
      data: { country, itemId: 'i', kind: 'OTHER', description: 'd', dueOn: '2026-01-10', targetCountries: ['TH'], asOf: '2026-01-11', cause: ref(`actionplan-${country}`), trigger: 'CALENDAR' },
    });
    const kh = watch({ kind: 'ACTION_PLAN', country: 'KH' }, { role: 'SKILLS_FOCAL_POINT', keyId: 'k-kh', cbId: null });
    const region = watch({ kind: 'ACTION_PLAN', country: null }, employer);
    expect([kh, region].map((w) => [watchReceives(w, alert('KH')), watchReceives(w, alert('LA'))])).toEqual([[true, false], [true, true]]);
    expect(watchReceives(region, lapsed('C-1', 'MY', 'th-cb', null))).toBe(false);
    expect(watchReceives(watch({ kind: 'CERTIFICATION_BODY', cbId: 'th-cb' }, thCb), alert('KH'))).toBe(false);
  });

  it("a CB's of an arrangement: its own certificates recognized under it or changed by it", () => {
    const mra = watch({ kind: 'ARRANGEMENT', arrangementId: 'MRA' }, thCb);
    expect(watchReceives(mra, lapsed('C-1', 'MY', 'th-cb', 'MRA'))).toBe(true);
    expect(watchReceives(mra, lapsed('C-1', 'MY', 'th-cb', null, 'arrangement-MRA'))).toBe(true);
    expect(watchReceives(mra, lapsed('C-1', 'MY', 'th-cb', 'OTHER'))).toBe(false);
    expect(watchReceives(mra, lapsed('C-9', 'TH', 'my-cb', 'MRA'))).toBe(false);
    expect(watchReceives(mra, expiring)).toBe(false);
  });
});
