import {
  decideCommand,
  evaluateRecognition,
  evolveCertificateTimeline,
  evolveRecognitionDecisionTimeline,
  type RegistryEvent,
} from '@registry/domain';
import type { GeneratedAppend } from './generated-append';
import { RegistryDataset } from './registry-dataset';
import { foldAppend } from './reference-world';
import { commandFor, type DatasetWorld } from './testing/command-for-event';

const SIZE = 3000;
const dataset = new RegistryDataset({ certificates: SIZE, seed: 7 });
const histories = [...dataset.certificates()];
const allAppends: GeneratedAppend[] = [...dataset.referenceAppends(), ...histories.flatMap((h) => [h.certificate, ...h.decisions])];
const eventsOf = (appends: GeneratedAppend[]): RegistryEvent[] => appends.flatMap((append) => append.events.map((e) => e.event));

describe('the benchmark data set', () => {
  it('is the same, id for id, from the same seed, and differs from another seed', () => {
    const again = new RegistryDataset({ certificates: SIZE, seed: 7 });
    expect(again.referenceAppends()).toEqual(dataset.referenceAppends());
    expect([...again.certificates(0, 200)]).toEqual(histories.slice(0, 200));
    const other = new RegistryDataset({ certificates: SIZE, seed: 8 });
    expect(other.certificate(5)).not.toEqual(dataset.certificate(5));
  });

  it('produces any certificate alone exactly as in sequence, so a million need not sit in memory', () => {
    for (const index of [0, 17, 1234, SIZE - 1]) expect(dataset.certificate(index)).toEqual(histories[index]);
  });

  it('holds 3 schemes, certification bodies in 20 countries and 30 arrangements of both modes', () => {
    const events = eventsOf(dataset.referenceAppends());
    expect(events.filter((e) => e.type === 'SchemeRegistered').map((e) => e.data)).toHaveLength(3);
    const countries = new Set(events.flatMap((e) => (e.type === 'CertificationBodyAccredited' ? [e.data.country] : [])));
    expect(countries.size).toBe(20);
    const modes = events.flatMap((e) => (e.type === 'MRASigned' ? [e.data.mode] : []));
    expect(modes).toHaveLength(30);
    expect(new Set(modes)).toEqual(new Set(['AUTOMATIC', 'ON_APPLICATION']));
  });

  it('holds N certificates, one stream each, with every lifecycle event and recognition decisions', () => {
    const streams = allAppends.map((append) => append.stream);
    expect(new Set(streams).size).toBe(streams.length);
    expect(streams.filter((stream) => stream.startsWith('certificate-'))).toHaveLength(SIZE);
    const types = new Set(eventsOf(allAppends).map((e) => e.type));
    for (const type of [
      'CertificateIssued',
      'CertificateRenewed',
      'CertificateSuspended',
      'CertificateReinstated',
      'CertificateWithdrawn',
      'CertificateCancelled',
      'RecognitionGranted',
      'RecognitionRevoked',
    ]) {
      expect(types).toContain(type);
    }
  });

  it('stamps every event with the metadata the write side records', () => {
    const ids = new Set<string>();
    for (const append of allAppends) {
      for (const { id, event, metadata } of append.events) {
        ids.add(id);
        expect(metadata.schemaVersion).toBe(event.type === 'CertificateIssued' ? 2 : 1);
        expect(metadata.commandId).toMatch(/^[0-9a-f-]{36}$/);
        expect(metadata.causationId).toBe(metadata.commandId);
        expect(metadata.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
      }
    }
    expect(ids.size).toBe(eventsOf(allAppends).length);
  });

  it('is made only of histories the deciders accept: each event is what its command decides', async () => {
    const byStream = new Map(allAppends.map((append) => [append.stream, append]));
    const world: DatasetWorld = {
      body: (cbId) => required(dataset.world.timelineOf.get(cbId), cbId),
      arrangement: (id) => required(dataset.world.arrangements.find((a) => a.id === id), id),
      arrangements: () => dataset.world.arrangements,
      certificate: (number) => required(byStream.get(`certificate-${number}`), number),
    };
    for (const append of allAppends) {
      const history: RegistryEvent[] = [];
      for (const { event, metadata } of append.events) {
        const actor = { role: metadata.actor.role, keyId: metadata.actor.keyId, ...(metadata.actor.cbId === null ? {} : { cbId: metadata.actor.cbId }) };
        const command = await commandFor(metadata.commandType, event, actor, world, history);
        expect(decideCommand(command, history)).toEqual([event]);
        history.push(event);
      }
    }
  });

  it('gives grants the recognition rule confirms on the day they were decided', () => {
    const granted = histories.flatMap((history) =>
      history.decisions.flatMap((decision) => {
        const [first] = decision.events;
        return first.event.type === 'RecognitionGranted' ? [{ history, decision, data: first.event.data }] : [];
      }),
    );
    expect(granted.length).toBeGreaterThan(SIZE * 0.02);
    let byDecision = 0;
    for (const { history, decision, data } of granted) {
      const answer = evaluateRecognition(
        {
          certificateNumber: history.number,
          certificate: foldAppend(evolveCertificateTimeline, history.certificate),
          issuingBody: dataset.world.timelineOf.get(history.cbId) ?? null,
          arrangements: dataset.world.arrangementsOf.get(history.cbId) ?? [],
          hostBodies: [...dataset.world.timelineOf.values()].filter((body) => body.country === data.country),
          decision: foldAppend(evolveRecognitionDecisionTimeline, decision),
        },
        data.country,
        data.decidedOn,
      );
      expect(answer.reasons.map((reason) => reason.code).filter((code) => !code.startsWith('CB_'))).toEqual([]);
      // An AUTOMATIC arrangement between the same countries answers first when there is one.
      if (answer.reasons.length === 0) expect([answer.recognized, answer.basis]).toEqual([true, expect.stringMatching(/^(DECISION|ARRANGEMENT)$/)]);
      if (answer.basis === 'DECISION') byDecision += 1;
    }
    expect(byDecision).toBeGreaterThan(granted.length / 2);
  });

  it('asks row 4 questions about loaded certificates, home, partner and other countries', () => {
    const questions = dataset.recognitionQuestions(400);
    const numbers = new Set(histories.map((history) => history.number));
    expect(questions.every((question) => numbers.has(question.certificateNumber))).toBe(true);
    const home = questions.filter((question) => question.certificateNumber.split('-')[1] === question.country).length;
    expect(home).toBeGreaterThan(60);
    expect(home).toBeLessThan(340);
  });
});

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`${name} is not in the data set`);
  return value;
}
