import fc from 'fast-check';
import { addDays, type CalendarDate } from '../shared/calendar-date';
import { EventLog } from '../testing/event-log';
import { GPS, PS, accreditation, accredited, arrangement, certificate, issued, signed } from '../testing/events';
import type { RecognitionFact } from './derived-facts';
import { RecognitionChanges, type Boundary, type DerivationChanges, type RecognizedPair } from './recognition-changes';
import type { WorldRecord } from './recognition-world';
import { CERTIFICATES, COUNTRIES, randomHistory } from '../testing/random-registry';

const RUNS = Number(process.env.DERIVATION_PROPERTY_RUNS ?? 20);

/** Every (certificate, country) answer of the registry on a date, by brute force: the rule asked for each. */
function everyAnswer(log: EventLog, asOf: CalendarDate): Map<string, boolean> {
  const answers = new Map<string, boolean>();
  for (const number of CERTIFICATES) for (const country of COUNTRIES) answers.set(`${number} ${country}`, log.recognition(number, country, asOf).recognized);
  return answers;
}

/** The answers that changed, but those of a certificate the event itself issues: nobody held an answer about a
 * certificate before it existed, so its first answers are told by no fact. */
function changed(before: Map<string, boolean>, after: Map<string, boolean>, issued: string | null = null): string[] {
  return [...after]
    .filter(([pair, recognized]) => before.get(pair) !== recognized && pair.split(' ')[0] !== issued)
    .map(([pair, recognized]) => `${pair} ${recognized}`)
    .sort();
}

/** The number of the certificate the event brings into existence, if it does. */
function newlyIssued(event: Parameters<EventLog['record']>[0], known: Set<string>): string | null {
  if (event.type !== 'CertificateIssued' || known.has(event.data.number)) return null;
  known.add(event.data.number);
  return event.data.number;
}

/** A persisted copy of the derivation's state as a store keeps it: each change written over the last, as JSON. */
class PersistedState {
  private calendar: CalendarDate | null = null;
  private readonly timelines = new Map<string, string>();
  private readonly recognized = new Map<string, string>();
  private boundaries: string[] = [];

  write(changes: DerivationChanges): void {
    this.calendar = changes.calendar;
    for (const record of changes.timelines) this.timelines.set(`${record.kind} ${record.timeline.stream}`, JSON.stringify(record));
    for (const pair of changes.pairs) {
      const key = `${pair.certificateNumber} ${pair.country}`;
      if (pair.recognized) this.recognized.set(key, JSON.stringify(pair));
      else this.recognized.delete(key);
    }
    this.boundaries.push(...changes.boundaries.map((boundary) => JSON.stringify(boundary)));
    const calendar = this.calendar;
    this.boundaries = this.boundaries.filter((text) => calendar === null || (JSON.parse(text) as { date: string }).date > calendar);
  }

  resume(): RecognitionChanges {
    return RecognitionChanges.restore({
      calendar: this.calendar,
      timelines: [...this.timelines.values()].map((text) => JSON.parse(text) as WorldRecord),
      recognized: [...this.recognized.values()].map((text) => JSON.parse(text) as RecognizedPair),
      boundaries: this.boundaries.map((text) => JSON.parse(text) as { date: CalendarDate; boundary: Boundary }),
    });
  }
}

function derivedChanges(facts: RecognitionFact[]): string[] {
  return facts
    .filter((fact) => fact.type !== 'CertificateExpiring')
    .map((fact) => `${fact.data.certificateNumber} ${'country' in fact.data ? fact.data.country : ''} ${fact.type === 'RecognitionRestored'}`)
    .sort();
}

/** Replays a history into a deriver and an in-memory log, recording on each event's day. */
function replay(history: { day: CalendarDate; event: Parameters<EventLog['record']>[0] }[], changes: RecognitionChanges, log: EventLog, onDay?: (day: CalendarDate) => void) {
  const facts: RecognitionFact[] = [];
  for (const { day, event } of history) {
    onDay?.(day);
    const [ref] = log.record(event);
    facts.push(...changes.record(event, ref, day));
  }
  return facts;
}

describe('derived recognition facts', () => {
  it('equal, for every event and every day, the brute-force difference of every (certificate, country) answer before and after', () => {
    fc.assert(
      fc.property(randomHistory, (history) => {
        const changes = new RecognitionChanges();
        const log = new EventLog();
        const known = new Set<string>();
        let today = history[0].day;
        let answers = everyAnswer(log, today);
        const last = addDays(history[history.length - 1].day, 400);
        const walkTo = (day: CalendarDate) => {
          while (today < day) {
            const next = addDays(today, 1);
            const facts = changes.advanceTo(next);
            const after = everyAnswer(log, next);
            expect({ day: next, changes: derivedChanges(facts) }).toEqual({ day: next, changes: changed(answers, after) });
            [today, answers] = [next, after];
          }
        };
        for (const { day, event } of history) {
          walkTo(day);
          const issued = newlyIssued(event, known);
          const [ref] = log.record(event);
          const facts = changes.record(event, ref, day);
          const after = everyAnswer(log, today);
          expect({ event, changes: derivedChanges(facts) }).toEqual({ event, changes: changed(answers, after, issued) });
          answers = after;
        }
        walkTo(last);
      }),
      { numRuns: RUNS },
    );
  });

  it('are the same, with the same ids, whether the calendar moved every day or caught up after long downtime', () => {
    fc.assert(
      fc.property(randomHistory, fc.integer({ min: 1, max: 400 }), (history, gap) => {
        const end = addDays(history[history.length - 1].day, 400);
        const daily = new RecognitionChanges();
        const dailyFacts: RecognitionFact[] = [];
        const dailyLog = new EventLog();
        for (const { day, event } of history) {
          for (let d = daily.today; d !== null && d < day; d = addDays(d, 1)) dailyFacts.push(...daily.advanceTo(addDays(d, 1)));
          dailyFacts.push(...daily.record(event, dailyLog.record(event)[0], day));
        }
        for (let d = daily.today as string; d < end; d = addDays(d, 1)) dailyFacts.push(...daily.advanceTo(addDays(d, 1)));

        const sleepy = new RecognitionChanges();
        const sleepyFacts = replay(history, sleepy, new EventLog());
        for (let d = sleepy.today as string; d < end; d = addDays(d, gap)) sleepyFacts.push(...sleepy.advanceTo(addDays(d, gap) < end ? addDays(d, gap) : end));

        expect(sleepyFacts).toEqual(dailyFacts);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('are the same, with the same ids, when derivation resumes from its persisted state at any point of the log', () => {
    fc.assert(
      fc.property(randomHistory, fc.array(fc.nat(), { maxLength: 4 }), fc.nat(), fc.integer({ min: 1, max: 400 }), (history, writes, crash, gap) => {
        const end = addDays(history[history.length - 1].day, 400);
        const whole = new RecognitionChanges();
        const wholeFacts = replay(history, whole, new EventLog());
        wholeFacts.push(...whole.advanceTo(end));

        // Written after some events, and always at the one after which the registry stops.
        const crashAt = crash % (history.length + 1);
        const writeAt = new Set([...writes.map((n) => n % (history.length + 1)), crashAt]);
        const persisted = new PersistedState();
        let changes = new RecognitionChanges();
        const log = new EventLog();
        const facts: RecognitionFact[] = [];
        history.forEach(({ day, event }, index) => {
          if (index === crashAt) changes = persisted.resume();
          facts.push(...changes.record(event, log.record(event)[0], day));
          if (writeAt.has(index + 1)) persisted.write(changes.takeChanges());
        });
        if (crashAt === history.length) changes = persisted.resume();
        for (let d = changes.today as string; d < end; d = addDays(d, gap)) facts.push(...changes.advanceTo(addDays(d, gap) < end ? addDays(d, gap) : end));

        expect(facts).toEqual(wholeFacts);
      }),
      { numRuns: RUNS },
    );
  });

  it("tells nothing of a certificate's first answers on its issuance, but of every later change", () => {
    const changes = new RecognitionChanges();
    const log = new EventLog();
    const facts = replay(
      [
        { day: '2025-01-01', event: accredited('TH-CB', 'TH', [PS], '2024-01-01', '2029-12-31') },
        { day: '2025-01-01', event: issued('C-1', 'TH-CB', PS, '2024-07-01', '2027-06-30') },
        { day: '2025-01-02', event: certificate.suspended('C-1', '2025-01-02') },
      ],
      changes,
      log,
    );

    expect(facts.map((fact) => [fact.type, fact.id])).toEqual([['RecognitionLapsed', `${log.ref('certificate-C-1', 'CertificateSuspended').position}:C-1:TH`]]);
    expect(changes.isRecognized({ certificateNumber: 'C-1', country: 'TH' })).toBe(false);
  });

  describe('for an arrangement party withdrawal recorded before it takes effect', () => {
    const history = [
      { day: '2025-01-01', event: accredited('TH-CB', 'TH', [PS, GPS], '2024-01-01', '2027-12-31') },
      { day: '2025-01-01', event: accredited('MY-CB', 'MY', [PS], '2024-01-01', '2027-12-31') },
      { day: '2025-01-01', event: signed('APO-MRA-PS', ['TH-CB', 'MY-CB'], [PS], 'AUTOMATIC', '2024-06-01') },
      { day: '2025-01-02', event: issued('TH-PS-2024-0001', 'TH-CB', PS, '2024-07-01', '2027-06-30') },
      { day: '2025-01-02', event: issued('TH-GPS-2024-0002', 'TH-CB', GPS, '2024-07-01', '2027-06-30') },
    ];

    it('says nothing until the day, then that the certificate is no longer recognized, because of the withdrawal', () => {
      const changes = new RecognitionChanges();
      const log = new EventLog();
      replay(history, changes, log);
      const [withdrawal] = log.record(arrangement.partyWithdrawn('APO-MRA-PS', 'MY-CB', '2025-09-01'));

      expect(changes.record(arrangement.partyWithdrawn('APO-MRA-PS', 'MY-CB', '2025-09-01'), withdrawal, '2025-08-01')).toEqual([]);
      expect(changes.nextDate()).toBe('2025-09-01');
      expect(changes.advanceTo('2025-08-31')).toEqual([]);

      expect(changes.advanceTo('2025-10-15')).toEqual([
        {
          id: '2025-09-01:TH-PS-2024-0001:MY',
          derived: true,
          type: 'RecognitionLapsed',
          data: {
            certificateNumber: 'TH-PS-2024-0001',
            country: 'MY',
            cbId: 'TH-CB',
            asOf: '2025-09-01',
            cause: withdrawal,
            trigger: 'CALENDAR',
            arrangementId: 'APO-MRA-PS',
            reasons: [{ code: 'NO_ARRANGEMENT', message: expect.stringContaining('APO-MRA-PS') }],
          },
        },
      ]);
      expect(changes.isRecognized({ certificateNumber: 'TH-PS-2024-0001', country: 'TH' })).toBe(true);
    });

    it('reports an accreditation suspension recorded today for every certificate of the CB, in every country, citing it', () => {
      const changes = new RecognitionChanges();
      const log = new EventLog();
      replay(history, changes, log);
      const [suspension] = log.record(accreditation.suspended('TH-CB', '2025-02-01'));

      const facts = changes.record(accreditation.suspended('TH-CB', '2025-02-01'), suspension, '2025-02-01');

      expect(facts.map((fact) => [fact.type, fact.id, fact.data.cause])).toEqual([
        ['RecognitionLapsed', `${suspension.position}:TH-PS-2024-0001:MY`, suspension],
        ['RecognitionLapsed', `${suspension.position}:TH-PS-2024-0001:TH`, suspension],
        ['RecognitionLapsed', `${suspension.position}:TH-GPS-2024-0002:TH`, suspension],
      ]);
    });
  });

  it("counts a CB's first record as what makes its country a host for the certificates of its MRA partners", () => {
    const changes = new RecognitionChanges();
    const log = new EventLog();
    const facts = replay(
      [
        { day: '2025-01-01', event: accredited('TH-CB', 'TH', [PS], '2024-01-01', '2029-12-31') },
        { day: '2025-01-01', event: signed('MRA', ['TH-CB', 'VN-CB'], [PS], 'AUTOMATIC', '2024-06-01') },
        { day: '2025-01-01', event: issued('C-1', 'TH-CB', PS, '2024-07-01', '2027-06-30') },
        { day: '2025-01-02', event: accredited('VN-CB', 'VN', [PS], '2024-01-01', '2029-12-31') },
      ],
      changes,
      log,
    );

    expect(facts.map((fact) => fact.id)).toEqual([`${log.ref('cb-VN-CB', 'CertificationBodyAccredited').position}:C-1:VN`]);
  });

  it('gives notice 90 and 30 days before a certificate expires, once each, and not for a certificate withdrawn by then', () => {
    const changes = new RecognitionChanges();
    const log = new EventLog();
    replay(
      [
        { day: '2025-01-01', event: accredited('TH-CB', 'TH', [PS], '2024-01-01', '2029-12-31') },
        { day: '2025-01-01', event: issued('C-1', 'TH-CB', PS, '2024-07-01', '2025-06-30') },
        { day: '2025-01-01', event: issued('C-2', 'TH-CB', PS, '2024-07-01', '2025-06-30') },
        { day: '2025-01-02', event: certificate.withdrawn('C-2', '2025-05-01') },
      ],
      changes,
      log,
    );

    const facts = changes.advanceTo('2025-12-31').filter((fact) => fact.type === 'CertificateExpiring');

    expect(facts.map((fact) => [fact.data.certificateNumber, fact.data.asOf, fact.type === 'CertificateExpiring' && fact.data.daysBefore])).toEqual([
      ['C-1', '2025-04-01', 90],
      ['C-2', '2025-04-01', 90],
      ['C-1', '2025-05-31', 30],
    ]);
  });
});
