import {
  accreditationScopeAt,
  accreditationStatusAt,
  arrangementPartiesAt,
  arrangementSchemesAt,
  arrangementStatusAt,
  assessAccreditation,
  certificateStatusAt,
  certificateStream,
  evolveCertificateTimeline,
  isPartyAt,
  recognitionStream,
  type ArrangementTimeline,
  type CertificateTimeline,
  type CertificationBodyTimeline,
  type CertificateEvent,
} from '@registry/domain';
import { dateOf, dayOf } from './calendar-days';
import { certificationBodyActor, recorded, type GeneratedAppend, type GeneratedEvent } from './generated-append';
import { CALENDAR, GREEN_PRODUCTIVITY_SPECIALIST, PRODUCTIVITY_SPECIALIST, PUBLIC_SECTOR_SPECIALIST, SCHEMES } from './reference-data';
import { foldAppend, type CertificationBodyProfile, type ReferenceWorld } from './reference-world';
import { SeededRandom } from './seeded-random';

/** One certificate's stream and the recognition decisions taken on it abroad. */
export interface CertificateHistory {
  index: number;
  number: string;
  cbId: string;
  /** The issuing CB's country. */
  country: string;
  schemeCode: string;
  certificate: GeneratedAppend;
  /** Appended after the certificate: each names it. */
  decisions: GeneratedAppend[];
}

const FIRST_ISSUE = dayOf(CALENDAR.firstIssue);
const LAST_ISSUE = dayOf(CALENDAR.lastIssue);
const HORIZON = dayOf(CALENDAR.horizon);
const THREE_YEARS = 3 * 365;
/** Most holders are Productivity Specialists; the green and public-sector schemes are younger and smaller. */
const SCHEME_SHARE: Readonly<Record<string, number>> = { [PRODUCTIVITY_SPECIALIST]: 0.6, [GREEN_PRODUCTIVITY_SPECIALIST]: 0.25, [PUBLIC_SECTOR_SPECIALIST]: 0.15 };
const FAMILY_NAME_FIRST = new Set(['JP', 'KR', 'TW', 'HK', 'VN', 'MN']);

const SUSPENSION_REASONS = ['complaint under investigation', 'continuing professional development not evidenced', 'surveillance assessment missed'];
const WITHDRAWAL_REASONS = ['code of conduct breach', 'holder requested withdrawal', 'recertification requirements not met'];
const CANCELLATION_REASONS = ['issued in error: assessment records incomplete', 'issued in error: duplicate of an earlier certificate'];

/**
 * Certificate `index` of the data set, from its own seed: any certificate can be produced alone, in any
 * order, and always comes out the same. Every history is one the write side would accept: the CB is
 * accredited for the scheme on the issue and renewal dates, dates never go back, and recognition decisions
 * meet the rule (checked with the domain's own standing functions).
 */
export class CertificateFactory {
  private readonly cumulativeWeights: number[];
  private readonly totalWeight: number;

  constructor(
    private readonly world: ReferenceWorld,
    private readonly seed: number,
  ) {
    let total = 0;
    this.cumulativeWeights = world.bodies.map((body) => (total += body.weight));
    this.totalWeight = total;
  }

  history(index: number): CertificateHistory {
    const random = new SeededRandom(this.seed, 3, index);
    const body = this.pickBody(random);
    const timeline = this.bodyTimeline(body.cbId);
    const { cbId } = body;
    const country = body.country.code;

    const issuedOn = this.issueDay(random, timeline);
    const schemeCode = pickScheme(random, accreditationScopeAt(timeline, dateOf(issuedOn)));
    const short = SCHEMES.find((scheme) => scheme.code === schemeCode)?.short ?? 'X';
    const number = `${short}-${country}-${String(index + 1).padStart(7, '0')}`;
    const family = random.pick(body.country.familyNames);
    const given = random.pick(body.country.givenNames);
    const holderName = FAMILY_NAME_FIRST.has(country) ? `${family} ${given}` : `${given} ${family}`;

    const actor = certificationBodyActor(cbId);
    const events: GeneratedEvent[] = [];
    const add = (day: number, event: CertificateEvent): void => {
      events.push(recorded(random, event, actor, dateOf(day)));
    };
    let validUntil = issuedOn + THREE_YEARS;
    add(issuedOn, {
      type: 'CertificateIssued',
      data: { number, cbId, schemeCode, holderName, issuedOn: dateOf(issuedOn), validUntil: dateOf(validUntil) },
    });

    let day = issuedOn;
    let status: 'ACTIVE' | 'SUSPENDED' | 'WITHDRAWN' = 'ACTIVE';
    const within = (candidate: number): boolean => candidate <= HORIZON;
    if (random.chance(0.08)) {
      const suspendedOn = day + random.int(30, 700);
      if (within(suspendedOn) && suspendedOn <= validUntil) {
        day = suspendedOn;
        status = 'SUSPENDED';
        add(day, { type: 'CertificateSuspended', data: { number, effectiveOn: dateOf(day), reason: random.pick(SUSPENSION_REASONS) } });
        const resolvedOn = day + random.int(14, 180);
        if (within(resolvedOn) && random.chance(0.65)) {
          day = resolvedOn;
          status = 'ACTIVE';
          add(day, { type: 'CertificateReinstated', data: { number, effectiveOn: dateOf(day), reason: 'investigation closed' } });
        } else if (within(resolvedOn) && random.chance(0.35)) {
          day = resolvedOn;
          status = 'WITHDRAWN';
          add(day, { type: 'CertificateWithdrawn', data: { number, effectiveOn: dateOf(day), reason: random.pick(WITHDRAWAL_REASONS) } });
        }
      }
    }
    const renewalFrom = Math.max(day, validUntil - 150);
    const renewalTo = Math.min(validUntil, HORIZON);
    if (status === 'ACTIVE' && renewalFrom <= renewalTo && random.chance(0.75)) {
      const renewedOn = random.int(renewalFrom, renewalTo);
      if (assessAccreditation(timeline, schemeCode, dateOf(renewedOn)).failures.length === 0) {
        day = renewedOn;
        validUntil += THREE_YEARS;
        add(day, { type: 'CertificateRenewed', data: { number, effectiveOn: dateOf(day), validUntil: dateOf(validUntil) } });
      }
    }
    if (status === 'ACTIVE' && random.chance(0.02)) {
      const withdrawnOn = day + random.int(10, 400);
      if (within(withdrawnOn)) {
        day = withdrawnOn;
        status = 'WITHDRAWN';
        add(day, { type: 'CertificateWithdrawn', data: { number, effectiveOn: dateOf(day), reason: random.pick(WITHDRAWAL_REASONS) } });
      }
    }
    if (random.chance(0.005)) {
      const cancelledOn = day + random.int(1, 60);
      if (within(cancelledOn)) {
        add(cancelledOn, { type: 'CertificateCancelled', data: { number, effectiveOn: dateOf(cancelledOn), reason: random.pick(CANCELLATION_REASONS) } });
      }
    }

    const certificate = { stream: certificateStream(number), events };
    const decisions = this.decisions(random, { number, cbId, country, schemeCode, issuedOn, certificate });
    return { index, number, cbId, country, schemeCode, certificate, decisions };
  }

  /** A grant under an ON_APPLICATION arrangement for some certificates, a grant later revoked for a few, and
   * now and then a host country's refusal under an AUTOMATIC one. */
  private decisions(
    random: SeededRandom,
    issued: { number: string; cbId: string; country: string; schemeCode: string; issuedOn: number; certificate: GeneratedAppend },
  ): GeneratedAppend[] {
    const arrangements = this.world.arrangementsOf.get(issued.cbId) ?? [];
    const decisions: GeneratedAppend[] = [];
    let certificateTimeline: CertificateTimeline | undefined;
    const activeOn = (date: string): boolean => {
      certificateTimeline ??= foldAppend(evolveCertificateTimeline, issued.certificate);
      return certificateStatusAt(certificateTimeline, date) === 'ACTIVE';
    };

    const onApplication = arrangements.filter((arrangement) => arrangement.mode === 'ON_APPLICATION');
    if (onApplication.length > 0 && random.chance(0.15)) {
      const arrangement = random.pick(onApplication);
      const decidedOn = issued.issuedOn + random.int(20, 500);
      const date = dateOf(decidedOn);
      const host = decidedOn <= HORIZON && activeOn(date) ? this.hostFor(random, arrangement, issued, date) : null;
      if (host !== null) {
        const actor = certificationBodyActor(host.cbId);
        const events = [
          recorded(
            random,
            {
              type: 'RecognitionGranted',
              data: { certificateNumber: issued.number, country: host.country, arrangementId: arrangement.id, decidedOn: date, conditions: random.chance(0.3) ? 'valid for public-sector engagements only' : null },
            },
            actor,
            date,
          ),
        ];
        const revokedOn = decidedOn + random.int(30, 400);
        if (random.chance(0.1) && revokedOn <= HORIZON && accreditationStatusAt(host, dateOf(revokedOn)) === 'ACTIVE') {
          events.push(
            recorded(
              random,
              { type: 'RecognitionRevoked', data: { certificateNumber: issued.number, country: host.country, decidedOn: dateOf(revokedOn), reason: 'conditions of recognition not met' } },
              actor,
              dateOf(revokedOn),
            ),
          );
        }
        decisions.push({ stream: recognitionStream(issued.number, host.country), events });
      }
    }

    const automatic = arrangements.filter((arrangement) => arrangement.mode === 'AUTOMATIC');
    if (automatic.length > 0 && random.chance(0.005)) {
      const arrangement = random.pick(automatic);
      const decidedOn = issued.issuedOn + random.int(10, 600);
      const date = dateOf(decidedOn);
      const host = decidedOn <= HORIZON ? this.hostFor(random, arrangement, issued, date) : null;
      const stream = host === null ? null : recognitionStream(issued.number, host.country);
      if (host !== null && stream !== null && !decisions.some((decision) => decision.stream === stream)) {
        const refusal = recorded(
          random,
          { type: 'RecognitionRevoked', data: { certificateNumber: issued.number, country: host.country, decidedOn: date, reason: 'host-country licensing requirement not met' } },
          certificationBodyActor(host.cbId),
          date,
        );
        decisions.push({ stream, events: [refusal] });
      }
    }
    return decisions;
  }

  /** A party of another country, accredited on the date, under an arrangement that then covers the certificate. */
  private hostFor(
    random: SeededRandom,
    arrangement: ArrangementTimeline,
    issued: { cbId: string; country: string; schemeCode: string },
    date: string,
  ): CertificationBodyTimeline | null {
    if (arrangementStatusAt(arrangement, date) !== 'IN_FORCE') return null;
    if (!isPartyAt(arrangement, issued.cbId, date)) return null;
    if (!arrangementSchemesAt(arrangement, date).includes(issued.schemeCode)) return null;
    const hosts = arrangementPartiesAt(arrangement, date)
      .map((cbId) => this.bodyTimeline(cbId))
      .filter((host) => host.country !== issued.country && accreditationStatusAt(host, date) === 'ACTIVE');
    return hosts.length === 0 ? null : random.pick(hosts);
  }

  private pickBody(random: SeededRandom): CertificationBodyProfile {
    const target = random.next() * this.totalWeight;
    const index = this.cumulativeWeights.findIndex((cumulative) => target < cumulative);
    return this.world.bodies[index === -1 ? this.world.bodies.length - 1 : index];
  }

  /** A day the CB could issue on; early 2023 is safe for every CB, so that is the fallback. */
  private issueDay(random: SeededRandom, timeline: CertificationBodyTimeline): number {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const day = random.int(FIRST_ISSUE, LAST_ISSUE);
      if (accreditationStatusAt(timeline, dateOf(day)) === 'ACTIVE') return day;
    }
    return FIRST_ISSUE + random.int(0, 200);
  }

  private bodyTimeline(cbId: string): CertificationBodyTimeline {
    const timeline = this.world.timelineOf.get(cbId);
    if (timeline === undefined) throw new Error(`no certification body ${cbId} in the data set`);
    return timeline;
  }
}

function pickScheme(random: SeededRandom, scope: string[]): string {
  const total = scope.reduce((sum, code) => sum + (SCHEME_SHARE[code] ?? 0.1), 0);
  let target = random.next() * total;
  for (const code of scope) {
    target -= SCHEME_SHARE[code] ?? 0.1;
    if (target < 0) return code;
  }
  return scope[scope.length - 1];
}
