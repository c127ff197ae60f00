import {
  REGISTRY_EVENT_TYPES,
  evolveRecognitionDecisionTimeline,
  isRecognitionEvent,
  type RecognitionDecisionTimeline,
} from '@registry/domain';
import { defineProjection } from '../document-projection';

export const CERTIFICATE_KEY = 'certificate';

/** Host countries' decisions, one per `recognition-<number>-<country>` stream (found by certificate and
 * country through the stream name), and by certificate for `recognizedIn`. The certificate number is a key
 * of its own because numbers may contain dashes, so stream names cannot be split back. */
export const recognitionDecisionsProjection = defineProjection<RecognitionDecisionTimeline>({
  name: 'recognition_decisions',
  version: 1,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isRecognitionEvent({ type })),
  evolve: evolveRecognitionDecisionTimeline,
  keys: (timeline) => [[CERTIFICATE_KEY, timeline.certificateNumber]],
});
