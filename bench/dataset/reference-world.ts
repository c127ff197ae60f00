import {
  accreditationStatusAt,
  arrangementStream,
  certificationBodyStream,
  evolveArrangementTimeline,
  evolveCertificationBodyTimeline,
  foldTimeline,
  schemeStream,
  type ArrangementTimeline,
  type CertificationBodyTimeline,
  type RecognitionMode,
  type RecordedRegistryEvent,
  type RegistryEvent,
} from '@registry/domain';
import { dateOf, dayOf } from './calendar-days';
import { ACCREDITATION_BODY_ACTOR, recorded, type GeneratedAppend, type GeneratedEvent } from './generated-append';
import {
  ARRANGEMENT_COUNT,
  AUTOMATIC_ARRANGEMENTS,
  CALENDAR,
  COUNTRIES,
  GREEN_PRODUCTIVITY_SPECIALIST,
  PRODUCTIVITY_SPECIALIST,
  PUBLIC_SECTOR_SPECIALIST,
  SCHEMES,
  type CountryProfile,
} from './reference-data';
import { SeededRandom } from './seeded-random';

export interface CertificationBodyProfile {
  cbId: string;
  name: string;
  country: CountryProfile;
  /** Relative share of the certificates issued. */
  weight: number;
}

/** Schemes, certification bodies and arrangements: the small part of the log every certificate refers to. */
export interface ReferenceWorld {
  /** In log order: schemes, then certification bodies, then arrangements. */
  appends: GeneratedAppend[];
  bodies: CertificationBodyProfile[];
  timelineOf: ReadonlyMap<string, CertificationBodyTimeline>;
  arrangements: ArrangementTimeline[];
  /** Arrangements each CB was ever a party to. */
  arrangementsOf: ReadonlyMap<string, ArrangementTimeline[]>;
}

const HORIZON = dayOf(CALENDAR.horizon);

export function buildReferenceWorld(seed: number): ReferenceWorld {
  const random = new SeededRandom(seed, 1);
  const schemes = SCHEMES.map((scheme) => ({
    stream: schemeStream(scheme.code),
    events: [
      recorded(
        random,
        {
          type: 'SchemeRegistered',
          data: {
            code: scheme.code,
            title: scheme.title,
            sector: scheme.sector,
            occupation: scheme.occupation,
            qualificationLevel: scheme.qualificationLevel,
          },
        },
        ACCREDITATION_BODY_ACTOR,
        CALENDAR.schemesRegistered,
      ),
    ],
  }));

  const bodies = certificationBodies();
  const bodyAppends = accreditationHistories(random, bodies);
  const timelineOf = new Map(bodyAppends.map((append, index) => [bodies[index].cbId, foldAppend(evolveCertificationBodyTimeline, append)]));
  const arrangementAppends = arrangementHistories(random, bodies, timelineOf);
  const arrangements = arrangementAppends.map((append) => foldAppend(evolveArrangementTimeline, append));

  const arrangementsOf = new Map<string, ArrangementTimeline[]>(bodies.map((body) => [body.cbId, []]));
  for (const arrangement of arrangements) {
    for (const cbId of new Set(arrangement.parties.map((party) => party.cbId))) arrangementsOf.get(cbId)?.push(arrangement);
  }
  return { appends: [...schemes, ...bodyAppends, ...arrangementAppends], bodies, timelineOf, arrangements, arrangementsOf };
}

function certificationBodies(): CertificationBodyProfile[] {
  return COUNTRIES.flatMap((country) => {
    const code = country.code.toLowerCase();
    const npo = { cbId: `npo-${code}`, name: country.npo, country, weight: country.affiliate === null ? country.weight : country.weight * 0.7 };
    if (country.affiliate === null) return [npo];
    return [npo, { cbId: `aff-${code}`, name: country.affiliate, country, weight: country.weight * 0.3 }];
  });
}

type Dated = { day: number; event: RegistryEvent & { type: `${'CertificationBody' | 'Accreditation'}${string}` } };

/** Everyone accredited at the start; a few suspended and reinstated, one withdrawn, scopes extended and reduced, some renewed. */
function accreditationHistories(random: SeededRandom, bodies: CertificationBodyProfile[]): GeneratedAppend[] {
  const npos = bodies.filter((body) => body.cbId.startsWith('npo-')).map((body) => body.cbId);
  const affiliates = bodies.filter((body) => body.cbId.startsWith('aff-')).map((body) => body.cbId);
  const [suspended1, suspended2, lateScope1, lateScope2, lateScope3] = random.sample(npos, 5);
  const [withdrawn, reduced] = random.sample(affiliates, 2);
  const renewed = new Set(random.sample(npos, 5));
  const lateScope = new Set([lateScope1, lateScope2, lateScope3]);

  return bodies.map((body) => {
    const { cbId } = body;
    const npo = cbId.startsWith('npo-');
    const scope = npo && !lateScope.has(cbId) ? SCHEMES.map((s) => s.code) : [PRODUCTIVITY_SPECIALIST, GREEN_PRODUCTIVITY_SPECIALIST];
    const dated: Dated[] = [
      {
        day: dayOf(CALENDAR.accreditedOn),
        event: {
          type: 'CertificationBodyAccredited',
          data: { cbId, name: body.name, country: body.country.code, scope, accreditedOn: CALENDAR.accreditedOn, validUntil: CALENDAR.accreditedUntil },
        },
      },
    ];
    if (lateScope.has(cbId)) {
      const day = dayOf('2024-01-15') + random.int(0, 60);
      dated.push({ day, event: { type: 'AccreditationScopeExtended', data: { cbId, schemes: [PUBLIC_SECTOR_SPECIALIST], effectiveOn: dateOf(day) } } });
    }
    if (cbId === suspended1 || cbId === suspended2) {
      const from = dayOf('2024-03-01') + random.int(0, 480);
      const until = from + random.int(45, 120);
      dated.push({ day: from, event: { type: 'AccreditationSuspended', data: { cbId, effectiveOn: dateOf(from), reason: 'major nonconformities at the surveillance audit' } } });
      dated.push({ day: until, event: { type: 'AccreditationReinstated', data: { cbId, effectiveOn: dateOf(until), reason: 'corrective actions verified' } } });
    }
    if (cbId === reduced) {
      const day = dayOf('2025-03-01') + random.int(0, 30);
      dated.push({ day, event: { type: 'AccreditationScopeReduced', data: { cbId, schemes: [GREEN_PRODUCTIVITY_SPECIALIST], effectiveOn: dateOf(day) } } });
    }
    if (cbId === withdrawn) {
      const day = dayOf('2025-09-01') + random.int(0, 60);
      dated.push({ day, event: { type: 'AccreditationWithdrawn', data: { cbId, effectiveOn: dateOf(day), reason: 'ceased certification activities' } } });
    }
    if (renewed.has(cbId)) {
      const day = dayOf('2026-01-15') + random.int(0, 90);
      dated.push({ day, event: { type: 'AccreditationRenewed', data: { cbId, effectiveOn: dateOf(day), validUntil: '2033-01-31' } } });
    }
    dated.sort((a, b) => a.day - b.day);
    return {
      stream: certificationBodyStream(cbId),
      events: dated.map(({ day, event }) => recorded(random, event, ACCREDITATION_BODY_ACTOR, dateOf(day))),
    };
  });
}

function arrangementHistories(
  random: SeededRandom,
  bodies: CertificationBodyProfile[],
  timelineOf: ReadonlyMap<string, CertificationBodyTimeline>,
): GeneratedAppend[] {
  const modes: RecognitionMode[] = random.sample(
    Array.from({ length: ARRANGEMENT_COUNT }, (_, i) => (i < AUTOMATIC_ARRANGEMENTS ? 'AUTOMATIC' : 'ON_APPLICATION')),
    ARRANGEMENT_COUNT,
  );
  const accreditedOn = (cbId: string, day: number): boolean => {
    const timeline = timelineOf.get(cbId);
    return timeline !== undefined && accreditationStatusAt(timeline, dateOf(day)) === 'ACTIVE';
  };
  let terminationLeft = true;

  return modes.map((mode, index) => {
    const id = `mra-${String(index + 1).padStart(3, '0')}`;
    const effectiveFrom = dayOf('2023-03-01') + random.int(0, 670);
    const size = random.chance(0.5) ? 2 : random.chance(0.7) ? random.int(3, 4) : random.int(5, 8);
    const candidates = bodies.filter((body) => accreditedOn(body.cbId, effectiveFrom));
    const countries = random.sample([...new Set(candidates.map((body) => body.country.code))], size);
    const parties = countries.map((code) => random.pick(candidates.filter((body) => body.country.code === code)).cbId);
    let covered = SCHEMES.map((s) => s.code).filter((_, i) => random.chance([0.8, 0.5, 0.3][i]));
    if (covered.length === 0) covered = [PRODUCTIVITY_SPECIALIST];
    const expiresOn = random.chance(0.25) ? dateOf(effectiveFrom + 5 * 365) : null;
    const lastDay = expiresOn === null ? HORIZON : Math.min(HORIZON, dayOf(expiresOn));
    const shorts = covered.map((code) => SCHEMES.find((s) => s.code === code)?.short ?? code).join('/');
    const title =
      parties.length === 2
        ? `Bilateral recognition arrangement ${countries[0]}–${countries[1]} on ${shorts}`
        : `Multilateral recognition arrangement of ${parties.length} productivity organizations on ${shorts}`;

    const events: GeneratedEvent[] = [];
    const add = (day: number, event: RegistryEvent & { type: `MRA${string}` }): void => {
      events.push(recorded(random, event, ACCREDITATION_BODY_ACTOR, dateOf(day)));
    };
    add(effectiveFrom, {
      type: 'MRASigned',
      data: { id, title, parties: [...parties], schemes: covered, mode, effectiveFrom: dateOf(effectiveFrom), expiresOn },
    });
    let day = effectiveFrom;
    const next = (min: number, max: number): number | null => {
      const candidate = day + random.int(min, max);
      return candidate <= lastDay ? candidate : null;
    };

    const admittedOn = random.chance(0.2) ? next(90, 600) : null;
    if (admittedOn !== null) {
      const newcomers = bodies.filter(
        (body) => !parties.includes(body.cbId) && !countries.includes(body.country.code) && accreditedOn(body.cbId, admittedOn),
      );
      if (newcomers.length > 0) {
        const cbId = random.pick(newcomers).cbId;
        parties.push(cbId);
        day = admittedOn;
        add(day, { type: 'MRAPartyAdmitted', data: { id, cbId, effectiveOn: dateOf(day) } });
      }
    }
    const leftOn = parties.length > 2 && random.chance(0.12) ? next(60, 400) : null;
    if (leftOn !== null) {
      const cbId = random.pick(parties);
      parties.splice(parties.indexOf(cbId), 1);
      day = leftOn;
      add(day, { type: 'MRAPartyWithdrawn', data: { id, cbId, effectiveOn: dateOf(day) } });
    }
    const uncovered = SCHEMES.map((s) => s.code).filter((code) => !covered.includes(code));
    const amendedOn = uncovered.length > 0 && random.chance(0.15) ? next(60, 500) : null;
    if (amendedOn !== null) {
      const added = random.pick(uncovered);
      covered = SCHEMES.map((s) => s.code).filter((code) => covered.includes(code) || code === added);
      day = amendedOn;
      add(day, { type: 'MRAScopeAmended', data: { id, schemes: covered, effectiveOn: dateOf(day) } });
    }
    const suspendedOn = random.chance(0.1) ? next(60, 500) : null;
    if (suspendedOn !== null) {
      day = suspendedOn;
      add(day, { type: 'MRASuspended', data: { id, effectiveOn: dateOf(day), reason: 'review of a party’s assessment practice' } });
      const reinstatedOn = next(30, 120);
      if (reinstatedOn !== null) {
        day = reinstatedOn;
        add(day, { type: 'MRAReinstated', data: { id, effectiveOn: dateOf(day), reason: 'review closed without findings' } });
      }
    } else if (terminationLeft && mode === 'AUTOMATIC' && parties.length === 2) {
      const terminatedOn = Math.max(day + 30, dayOf('2026-03-31'));
      if (terminatedOn <= lastDay) {
        terminationLeft = false;
        day = terminatedOn;
        add(day, { type: 'MRATerminated', data: { id, effectiveOn: dateOf(day), reason: 'superseded by a multilateral arrangement' } });
      }
    }
    return { stream: arrangementStream(id), events };
  });
}

/** Folds an append into a domain timeline; the positions are placeholders, used only as evidence. */
export function foldAppend<Timeline>(
  evolve: (timeline: Timeline | null, event: RegistryEvent, ref: RecordedRegistryEvent['ref']) => Timeline | null,
  append: GeneratedAppend,
): Timeline {
  const records: RecordedRegistryEvent[] = append.events.map((generated, revision) => ({
    event: generated.event,
    ref: { stream: append.stream, revision, position: '0', type: generated.event.type },
  }));
  const timeline = foldTimeline(evolve, records);
  if (timeline === null) throw new Error(`generated stream ${append.stream} folds to nothing`);
  return timeline;
}
