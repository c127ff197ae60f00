/** A qualification of a national framework, awarded by a national body. */
export type NationalQualificationRegistered = {
  type: 'NationalQualificationRegistered';
  data: {
    id: string;
    country: string;
    title: string;
    occupation: string;
    sector: string;
    nqfLevel: number;
    awardingBody: string;
  };
};

export type NationalQualificationEvent = NationalQualificationRegistered;

const TYPES: Record<NationalQualificationEvent['type'], true> = { NationalQualificationRegistered: true };

export function isNationalQualificationEvent(event: { type: string }): event is NationalQualificationEvent {
  return Object.hasOwn(TYPES, event.type);
}
