import type { ApiKeyEvent } from './api-keys/events';
import type { ArrangementEvent } from './arrangements/events';
import type { CertificateEvent } from './certificates/events';
import type { CertificationBodyEvent } from './certification-bodies/events';
import type { RecognitionEvent } from './recognition-decisions/events';
import type { SchemeEvent } from './schemes/events';
import type { WitnessEvent } from './witnesses/events';
import type { WatchEvent } from './watches/events';
import type { NumberPrefixEvent } from './number-prefixes/events';
import type { SkillsEvent } from './skills/skills-command';

/** Every domain event. No metadata here: the application adds actor, ids and recordedAt when it appends. */
export type RegistryEvent =
  | SchemeEvent
  | CertificationBodyEvent
  | CertificateEvent
  | ArrangementEvent
  | RecognitionEvent
  | ApiKeyEvent
  | WitnessEvent
  | WatchEvent
  | NumberPrefixEvent
  | SkillsEvent;

export type RegistryEventType = RegistryEvent['type'];

export type EventDataOf<Type extends RegistryEventType> = Extract<RegistryEvent, { type: Type }>['data'];
