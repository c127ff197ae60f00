import fc from 'fast-check';
import type { RegistryEvent } from '../registry-event';
import { addDays, type CalendarDate } from '../shared/calendar-date';
import { GPS, PS, accreditation, accredited, arrangement, certificate, granted, issued, revoked, signed } from './events';

/** Random registries for the derivation's property tests: a handful of CBs, certificates and arrangements,
 * and every kind of event that touches an answer, recorded over a couple of years. */

export const BODIES = [
  { cbId: 'TH-CB', country: 'TH' },
  { cbId: 'TH-CB2', country: 'TH' },
  { cbId: 'MY-CB', country: 'MY' },
  { cbId: 'SG-CB', country: 'SG' },
  { cbId: 'VN-CB', country: 'VN' },
] as const;
/** JP has no CB: its answers are always no. */
export const COUNTRIES = ['TH', 'MY', 'SG', 'VN', 'JP'] as const;
export const CERTIFICATES = ['C0', 'C1', 'C2', 'C3', 'C4', 'C5'] as const;
const ARRANGEMENTS = ['MRA-A', 'MRA-B', 'MRA-C'] as const;
const SCHEMES = [PS, GPS] as const;
export const FIRST_DAY = '2024-01-01';

/** One step of the random history: an event recorded `after` days past the previous step, its dates
 * `offset` days from the recording day. */
export type Step = { after: number; event: RegistryEvent };

const body = fc.constantFrom(...BODIES);
const cbId = body.map((b) => b.cbId);
const cert = fc.constantFrom(...CERTIFICATES);
const mra = fc.constantFrom(...ARRANGEMENTS);
const schemes = fc.subarray([...SCHEMES], { minLength: 1 });
const offset = fc.integer({ min: -40, max: 120 });
const length = fc.integer({ min: 30, max: 500 });

type Draft = (day: CalendarDate) => RegistryEvent;

const drafts: fc.Arbitrary<Draft>[] = [
  fc.tuple(body, schemes, offset, length).map(([b, s, o, l]): Draft => (day) => accredited(b.cbId, b.country, s, addDays(day, o), addDays(day, o + l))),
  fc.tuple(cbId, offset, length).map(([id, o, l]): Draft => (day) => accreditation.renewed(id, addDays(day, o), addDays(day, o + l + 300))),
  fc.tuple(cbId, schemes, offset).map(([id, s, o]): Draft => (day) => accreditation.extended(id, s, addDays(day, o))),
  fc.tuple(cbId, schemes, offset).map(([id, s, o]): Draft => (day) => accreditation.reduced(id, s, addDays(day, o))),
  fc.tuple(cbId, offset).map(([id, o]): Draft => (day) => accreditation.suspended(id, addDays(day, o))),
  fc.tuple(cbId, offset).map(([id, o]): Draft => (day) => accreditation.reinstated(id, addDays(day, o))),
  fc.tuple(cbId, offset).map(([id, o]): Draft => (day) => accreditation.withdrawn(id, addDays(day, o))),
  fc.tuple(cert, cbId, fc.constantFrom(...SCHEMES), offset, length).map(([n, id, s, o, l]): Draft => (day) => issued(n, id, s, addDays(day, o), addDays(day, o + l))),
  fc.tuple(cert, offset, length).map(([n, o, l]): Draft => (day) => certificate.renewed(n, addDays(day, o), addDays(day, o + l + 200))),
  fc.tuple(cert, offset).map(([n, o]): Draft => (day) => certificate.suspended(n, addDays(day, o))),
  fc.tuple(cert, offset).map(([n, o]): Draft => (day) => certificate.reinstated(n, addDays(day, o))),
  fc.tuple(cert, offset).map(([n, o]): Draft => (day) => certificate.withdrawn(n, addDays(day, o))),
  fc.tuple(cert, offset).map(([n, o]): Draft => (day) => certificate.cancelled(n, addDays(day, o))),
  fc
    .tuple(mra, fc.uniqueArray(cbId, { minLength: 2, maxLength: 4 }), schemes, fc.constantFrom('AUTOMATIC', 'ON_APPLICATION'), offset, fc.option(length))
    .map(([id, parties, s, mode, o, l]): Draft => (day) => signed(id, parties, s, mode as 'AUTOMATIC' | 'ON_APPLICATION', addDays(day, o), l === null ? null : addDays(day, o + l))),
  fc.tuple(mra, cbId, offset).map(([id, party, o]): Draft => (day) => arrangement.admitted(id, party, addDays(day, o))),
  fc.tuple(mra, cbId, offset).map(([id, party, o]): Draft => (day) => arrangement.partyWithdrawn(id, party, addDays(day, o))),
  fc.tuple(mra, schemes, offset).map(([id, s, o]): Draft => (day) => arrangement.amended(id, s, addDays(day, o))),
  fc.tuple(mra, offset).map(([id, o]): Draft => (day) => arrangement.suspended(id, addDays(day, o))),
  fc.tuple(mra, offset).map(([id, o]): Draft => (day) => arrangement.reinstated(id, addDays(day, o))),
  fc.tuple(mra, offset).map(([id, o]): Draft => (day) => arrangement.terminated(id, addDays(day, o))),
  fc.tuple(cert, fc.constantFrom(...COUNTRIES), mra, offset).map(([n, c, id, o]): Draft => (day) => granted(n, c, id, addDays(day, o))),
  fc.tuple(cert, fc.constantFrom(...COUNTRIES), offset).map(([n, c, o]): Draft => (day) => revoked(n, c, addDays(day, o))),
];

/** A random history: creations weighted up front so that later changes find something to change. */
export const randomHistory: fc.Arbitrary<{ day: CalendarDate; event: RegistryEvent }[]> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.oneof(...drafts)), { minLength: 5, maxLength: 35 })
  .map((steps) => {
    let day = FIRST_DAY;
    const setup: Draft[] = [
      (d) => accredited('TH-CB', 'TH', [PS, GPS], d, addDays(d, 400)),
      (d) => accredited('MY-CB', 'MY', [PS], d, addDays(d, 900)),
      (d) => signed('MRA-A', ['TH-CB', 'MY-CB'], [PS], 'AUTOMATIC', d, null),
      (d) => issued('C0', 'TH-CB', PS, d, addDays(d, 200)),
    ];
    const history = setup.map((draft) => ({ day, event: draft(day) }));
    for (const [after, draft] of steps) {
      day = addDays(day, after);
      history.push({ day, event: draft(day) });
    }
    return history;
  });
