import type { Actor } from '../shared/actor';

export const accreditationBody: Actor = { role: 'ACCREDITATION_BODY', keyId: 'key-ab' };
export const auditor: Actor = { role: 'AUDITOR', keyId: 'key-auditor' };

export function certificationBody(cbId: string): Actor {
  return { role: 'CERTIFICATION_BODY', keyId: `key-${cbId}`, cbId };
}

export function skillsFocalPoint(country: string): Actor {
  return { role: 'SKILLS_FOCAL_POINT', keyId: `key-sfp-${country}`, country };
}

export function employer(name: string): Actor {
  return { role: 'EMPLOYER', keyId: `key-employer-${name}` };
}
