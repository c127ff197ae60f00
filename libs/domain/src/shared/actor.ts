export const ROLES = ['ACCREDITATION_BODY', 'CERTIFICATION_BODY', 'AUDITOR', 'SKILLS_FOCAL_POINT', 'EMPLOYER'] as const;

export type Role = (typeof ROLES)[number];

/** Who sends a command: the API key's id and role, for a CERTIFICATION_BODY key the CB it is bound to, and for
 * a SKILLS_FOCAL_POINT key the country (ISO 3166-1 alpha-2, upper-case) whose skills focal point holds it. */
export type Actor = {
  role: Role;
  keyId: string;
  cbId?: string;
  country?: string;
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
