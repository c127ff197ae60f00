/** The accreditation body lets a witness co-sign the registry's checkpoints: its cosignatures are accepted. */
export type WitnessRegistered = {
  type: 'WitnessRegistered';
  data: { name: string; verifierKey: string };
};

export type WitnessEvent = WitnessRegistered;

const TYPES: Record<WitnessEvent['type'], true> = { WitnessRegistered: true };

export function isWitnessEvent(event: { type: string }): event is WitnessEvent {
  return Object.hasOwn(TYPES, event.type);
}
