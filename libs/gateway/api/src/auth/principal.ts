export const ROLES = ['employee', 'manager', 'mentor', 'hr-admin', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as proven by their token. Every read and write is scoped to `tenant`. */
export interface Principal {
  subject: string;
  tenant: string;
  roles: Role[];
  personId?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
