/** From now on, certificate numbers that begin with `prefix` (then a separator) are `cbId`'s alone. */
export type CertificateNumberPrefixDeclared = {
  type: 'CertificateNumberPrefixDeclared';
  data: { prefix: string; cbId: string };
};

export type NumberPrefixEvent = CertificateNumberPrefixDeclared;

const TYPES: Record<NumberPrefixEvent['type'], true> = { CertificateNumberPrefixDeclared: true };

export function isNumberPrefixEvent(event: { type: string }): event is NumberPrefixEvent {
  return Object.hasOwn(TYPES, event.type);
}
