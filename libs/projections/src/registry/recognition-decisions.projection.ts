import {
  REGISTRY_EVENT_TYPES,
  evolveRecognitionDecisionTimeline,
  isRecognitionEvent,
  type RecognitionDecisionTimeline,
} from '@registry/domain';
import { defineProjection } from '../document-projection';

export const CERTIFICATE_KEY = 'certificate';
/** The host country, on pairs with at least one application: the host CBs' queues are read by it. */
export const APPLIED_IN_KEY = 'applied_in';
/** The host country, on pairs whose last application awaits a decision: the PENDING queue. */
export const PENDING_IN_KEY = 'pending_in';

/** Host countries' decisions, one per `recognition-<number>-<country>` stream (found by certificate and
 * country through the stream name), and by certificate for `recognizedIn`. The certificate number is a key
 * of its own because numbers may contain dashes, so stream names cannot be split back. Applications are listed
 * by host country. */
export const recognitionDecisionsProjection = defineProjection<RecognitionDecisionTimeline>({
  name: 'recognition_decisions',
  // 2: applications (RecognitionApplied, RecognitionRefused) and the applied_in key.
  version: 2,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isRecognitionEvent({ type })),
  evolve: evolveRecognitionDecisionTimeline,
  keys: (timeline) => [
    [CERTIFICATE_KEY, timeline.certificateNumber],
    ...((timeline.applications ?? []).length > 0 ? [[APPLIED_IN_KEY, timeline.country] as const] : []),
    ...((timeline.applications ?? []).some((application) => application.decided === null) ? [[PENDING_IN_KEY, timeline.country] as const] : []),
  ],
});
