export const ROLES = ['ACCREDITATION_BODY', 'CERTIFICATION_BODY', 'AUDITOR'] as const;

export type Role = (typeof ROLES)[number];

/** Who sends a command: the API key's id and role, and for a CERTIFICATION_BODY key the CB it is bound to. */
export type Actor = {
  role: Role;
  keyId: string;
  cbId?: string;
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
