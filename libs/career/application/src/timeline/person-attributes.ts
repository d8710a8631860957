import { PERSON_PII_FIELDS, type CareerPersonChangeRow, type PersonAttributes } from '../career-records';

/**
 * Folds a person's registration and updates in stream order, whatever order they were
 * stored in. Updates count from the day they were recorded (they carry no effective date),
 * so `asOf` leaves out later ones; the registration is the baseline and always counts.
 * Once a person is erased their names and email fold to null, even from a redelivered copy.
 */
export function foldPersonAttributes(changes: readonly CareerPersonChangeRow[], options: { erased: boolean; asOf?: string }): PersonAttributes {
  const folded: PersonAttributes = {};
  const ordered = [...changes].sort((a, b) => a.streamVersion - b.streamVersion);
  for (const change of ordered) {
    if (change.kind === 'updated' && options.asOf !== undefined && change.recordedOn > options.asOf) continue;
    Object.assign(folded, change.changes);
  }
  if (options.erased) for (const field of PERSON_PII_FIELDS) folded[field] = null;
  return folded;
}
