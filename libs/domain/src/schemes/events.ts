export type SchemeRegistered = {
  type: 'SchemeRegistered';
  data: {
    code: string;
    title: string;
    sector: string | null;
    occupation: string | null;
    /** ASEAN Qualifications Reference Framework level, 1-8. */
    qualificationLevel: number | null;
  };
};

export type SchemeEvent = SchemeRegistered;

const TYPES: Record<SchemeEvent['type'], true> = { SchemeRegistered: true };

export function isSchemeEvent(event: { type: string }): event is SchemeEvent {
  return Object.hasOwn(TYPES, event.type);
}
