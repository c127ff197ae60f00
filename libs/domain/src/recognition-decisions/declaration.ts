import { declareAggregate } from '../aggregate';
import type { ArrangementTimeline } from '../arrangements/timeline';
import type { FactSource } from '../facts';
import { recognitionStream } from '../streams';
import type { DecisionFacts, RecognitionCommand } from './commands';
import { recognitionDecider, type RecognitionState } from './decider';
import { isRecognitionEvent, type RecognitionEvent } from './events';

const CB = ['CERTIFICATION_BODY'] as const;

/** The certificate, its issuing CB, and the deciding (host-country) CB: the caller's own. */
async function decisionFacts(source: FactSource, certificateNumber: string, hostCbId: string | undefined): Promise<DecisionFacts> {
  const [certificate, hostBody] = await Promise.all([
    source.certificate(certificateNumber),
    hostCbId === undefined ? null : source.certificationBody(hostCbId),
  ]);
  const issuingBody = certificate === null ? null : await source.certificationBody(certificate.cbId);
  return { certificate, issuingBody, hostBody };
}

/** A grant or an application names the arrangement it acts under: the decision's facts and that arrangement. */
async function factsUnderArrangement(source: FactSource, certificateNumber: string, hostCbId: string | undefined, arrangementId: string): Promise<DecisionFacts & { arrangement: ArrangementTimeline | null }> {
  const [facts, arrangement] = await Promise.all([decisionFacts(source, certificateNumber, hostCbId), source.arrangement(arrangementId)]);
  return { ...facts, arrangement };
}

export const recognitionDecisionAggregate = declareAggregate<RecognitionCommand, RecognitionState, RecognitionEvent>({
  stream: ({ certificateNumber, country }) => recognitionStream(certificateNumber, country),
  decider: recognitionDecider,
  isEvent: isRecognitionEvent,
  commands: {
    GrantRecognition: {
      roles: CB,
      facts: ({ data, actor }, source) => factsUnderArrangement(source, data.certificateNumber, actor.cbId, data.arrangementId),
    },
    ApplyForRecognition: {
      roles: CB,
      facts: ({ data, actor }, source) => factsUnderArrangement(source, data.certificateNumber, actor.cbId, data.arrangementId),
    },
    RefuseRecognition: {
      roles: CB,
      facts: async ({ data, actor }, source) => {
        // The arrangement acted under: the one named, else the pending application's.
        const pending =
          data.arrangementId == null
            ? (await source.recognitionDecision(data.certificateNumber, data.country))?.applications?.find((application) => application.decided === null)
            : undefined;
        const arrangementId = data.arrangementId ?? pending?.arrangementId ?? null;
        const [facts, arrangement] = await Promise.all([
          decisionFacts(source, data.certificateNumber, actor.cbId),
          arrangementId == null ? null : source.arrangement(arrangementId),
        ]);
        return { ...facts, arrangement };
      },
    },
    RevokeRecognition: {
      roles: CB,
      facts: async ({ data, actor }, source) => {
        // The arrangement acted under: the one named, else the grant's when the pair's last decision is a grant.
        const last = data.arrangementId == null ? (await source.recognitionDecision(data.certificateNumber, data.country))?.decisions.at(-1) : undefined;
        const arrangementId = data.arrangementId ?? (last?.decision === 'GRANTED' ? last.arrangementId : null);
        const [facts, arrangement] = await Promise.all([
          decisionFacts(source, data.certificateNumber, actor.cbId),
          arrangementId == null ? null : source.arrangement(arrangementId),
        ]);
        return { ...facts, arrangement };
      },
    },
  },
});
