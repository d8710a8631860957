import { randomBytes } from 'node:crypto';

/** Names that cannot collide between runs or parallel workers: databases, topics, groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`.toLowerCase();
}
