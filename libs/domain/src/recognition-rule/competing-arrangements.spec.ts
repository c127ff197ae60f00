import type { RegistryEvent } from '../registry-event';
import { arrangementStream } from '../streams';
import { EventLog } from '../testing/event-log';
import { GPS, PS, accredited, arrangement, granted, issued, signed } from '../testing/events';
import { ARRANGEMENT_STANDINGS, type ArrangementStanding } from './cross-border';

const N = 'PS-TH-0001';
const ASKED_ON = '2025-02-01';

/** One arrangement between TH-CB and VN-CB that stands where its name says for N (a PS certificate) in VN. */
const STANDING_WORLDS: Record<ArrangementStanding, (id: string) => RegistryEvent[]> = {
  RECOGNIZES_AUTOMATICALLY: (id) => [signed(id, ['TH-CB', 'VN-CB'], [PS], 'AUTOMATIC', '2024-03-01')],
  RECOGNIZES_BY_DECISION: (id) => [signed(id, ['TH-CB', 'VN-CB'], [PS], 'ON_APPLICATION', '2024-03-01'), granted(N, 'VN', id, '2024-06-01')],
  AWAITS_DECISION: (id) => [signed(id, ['TH-CB', 'VN-CB'], [PS], 'ON_APPLICATION', '2024-03-01')],
  COVERS_BUT_DOES_NOT_APPLY: (id) => [signed(id, ['TH-CB', 'VN-CB'], [PS], 'AUTOMATIC', '2024-03-01'), arrangement.suspended(id, '2025-01-01')],
  APPLIES_BUT_DOES_NOT_COVER: (id) => [signed(id, ['TH-CB', 'VN-CB'], [GPS], 'AUTOMATIC', '2024-03-01')],
  NEITHER_APPLIES_NOR_COVERS: (id) => [signed(id, ['TH-CB', 'VN-CB'], [GPS], 'AUTOMATIC', '2024-03-01'), arrangement.suspended(id, '2025-01-01')],
};

function registryWith(...arrangements: RegistryEvent[][]): EventLog {
  const log = new EventLog();
  log.record(
    accredited('TH-CB', 'TH', [PS, GPS], '2024-01-15', '2027-01-14'),
    accredited('VN-CB', 'VN', [PS, GPS], '2024-01-01', '2027-12-31'),
    issued(N, 'TH-CB', PS, '2024-03-01', '2027-02-28'),
    ...arrangements.flat(),
  );
  return log;
}

/** Every pair of standings, the closer one first. */
const PAIRS = ARRANGEMENT_STANDINGS.flatMap((closer, index) => ARRANGEMENT_STANDINGS.slice(index + 1).map((farther) => [closer, farther] as const));

describe('competing arrangements: the closest one answers', () => {
  it('has a world for every standing', () => {
    expect(Object.keys(STANDING_WORLDS).sort()).toEqual([...ARRANGEMENT_STANDINGS].sort());
    expect(PAIRS).toHaveLength(15);
  });

  // The closer arrangement's id sorts last, so a tie-break on ids could not pick it by accident.
  it.each(PAIRS)('%s beats %s', (closer, farther) => {
    const [closerId, fartherId] = [`Z-${closer}`, `A-${farther}`];
    const log = registryWith(STANDING_WORLDS[farther](fartherId), STANDING_WORLDS[closer](closerId));
    const alone = registryWith(STANDING_WORLDS[closer](closerId)).recognition(N, 'VN', ASKED_ON);

    const answer = log.recognition(N, 'VN', ASKED_ON);

    expect({ ...answer, evidence: undefined }).toEqual({ ...alone, evidence: undefined });
    expect(answer.reasons.every((reason) => !reason.message.includes(fartherId))).toBe(true);
    expect(answer.evidence).toContainEqual(log.ref(arrangementStream(closerId), 'MRASigned'));
    expect(answer.evidence.some((ref) => ref.stream === arrangementStream(fartherId))).toBe(false);
  });

  it.each([
    ['RECOGNIZES_AUTOMATICALLY', { recognized: true, basis: 'ARRANGEMENT' }],
    ['RECOGNIZES_BY_DECISION', { recognized: true, basis: 'DECISION' }],
    ['AWAITS_DECISION', { recognized: false, codes: ['RECOGNITION_NOT_GRANTED'] }],
    ['COVERS_BUT_DOES_NOT_APPLY', { recognized: false, codes: ['ARRANGEMENT_SUSPENDED'] }],
    ['APPLIES_BUT_DOES_NOT_COVER', { recognized: false, codes: ['SCHEME_NOT_COVERED'] }],
    ['NEITHER_APPLIES_NOR_COVERS', { recognized: false, codes: ['ARRANGEMENT_SUSPENDED', 'SCHEME_NOT_COVERED'] }],
  ] as const)('alone, %s answers %j', (standing, expected) => {
    const answer = registryWith(STANDING_WORLDS[standing]('MRA')).recognition(N, 'VN', ASKED_ON);

    expect(answer.recognized).toBe(expected.recognized);
    if ('basis' in expected) expect(answer).toMatchObject({ basis: expected.basis, arrangementId: 'MRA' });
    if ('codes' in expected) expect(answer.reasons.map((reason) => reason.code)).toEqual(expected.codes);
    expect(answer.reasons.every((reason) => reason.message.includes('MRA'))).toBe(true);
  });

  it('names the suspended arrangement that covers the scheme, not one in force that does not (the demo: asean-mrs-hospitality-2025 against apo-ps-mra-2024)', () => {
    const log = registryWith(
      [signed('apo-ps-mra-2024', ['TH-CB', 'VN-CB'], [GPS], 'AUTOMATIC', '2024-03-01')],
      [signed('asean-mrs-hospitality-2025', ['TH-CB', 'VN-CB'], [PS], 'ON_APPLICATION', '2024-03-01'), granted(N, 'VN', 'asean-mrs-hospitality-2025', '2024-06-01')],
    );
    expect(log.recognition(N, 'VN', ASKED_ON)).toMatchObject({ recognized: true, arrangementId: 'asean-mrs-hospitality-2025' });

    log.record(arrangement.suspended('asean-mrs-hospitality-2025', '2025-01-01'));
    const answer = log.recognition(N, 'VN', ASKED_ON);

    expect(answer.reasons).toEqual([
      { code: 'ARRANGEMENT_SUSPENDED', message: `arrangement asean-mrs-hospitality-2025, which covers scheme ${PS}, is suspended on ${ASKED_ON}` },
    ]);
    expect(answer.evidence).toContainEqual(log.ref(arrangementStream('asean-mrs-hospitality-2025'), 'MRASuspended'));
  });

  it('ignores an arrangement that never joined the issuing CB with a CB of the country', () => {
    const log = registryWith(STANDING_WORLDS.APPLIES_BUT_DOES_NOT_COVER('TH-VN'));
    log.record(accredited('MY-CB', 'MY', [PS], '2024-01-01', '2027-12-31'), signed('TH-MY', ['TH-CB', 'MY-CB'], [PS], 'AUTOMATIC', '2024-03-01'));

    const answer = log.recognition(N, 'VN', ASKED_ON);

    expect(answer.reasons.map((reason) => reason.code)).toEqual(['SCHEME_NOT_COVERED']);
    expect(answer.evidence.some((ref) => ref.stream === arrangementStream('TH-MY'))).toBe(false);
  });
});
