import { COURSE_PROVIDERS, FAMILY_NAMES, GIVEN_NAMES, INSTITUTIONS, TRACKS, type Track } from './demo-vocabulary';
import { addDays, daysBetween, Prng } from './prng';

/** The demo history ends here, not "today", so that the same seed always gives the same careers. */
export const DEMO_HORIZON = '2025-06-30';
const TOP_LEVEL = 7;

export interface DemoRequest {
  method: 'POST' | 'PUT';
  path: string;
  body: Record<string, unknown>;
}

export interface DemoPerson {
  personId: string;
  isManager: boolean;
  offboarded: boolean;
  /** In the order they must be sent: registration first, then the history as it happened. */
  requests: DemoRequest[];
  /** How much there is to see in the career: promotions count most, then jobs, education, an aspiration. */
  interest: number;
}

interface Draft {
  prng: Prng;
  person: DemoPerson;
  track: Track;
  level: number;
  jobId: string;
  date: string;
}

function asciiLower(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}

const titleAt = (track: Track, level: number) => track.titles[Math.min(level, TOP_LEVEL) - 1] ?? track.titles[0] ?? 'Employee';

const TEAMS = ['Core', 'Growth', 'Payments', 'Mobile', 'Infrastructure', 'Enterprise'] as const;

function startJob(d: Draft, date: string, employmentType: string): void {
  d.jobId = d.prng.uuid();
  // A move at the same level is a move to another team: the employer (org unit) says which.
  const employer = `${d.track.orgUnit} / ${d.prng.pick(TEAMS)}`;
  const body = { jobId: d.jobId, title: titleAt(d.track, d.level), employer, employmentType, startDate: date, field: d.track.field, level: d.level };
  d.person.requests.push({ method: 'POST', path: `/people/${d.person.personId}/jobs`, body });
  d.person.interest += 1;
}

function endJob(d: Draft, lastDay: string, reason: string): void {
  d.person.requests.push({ method: 'POST', path: `/people/${d.person.personId}/jobs/${d.jobId}/end`, body: { endDate: lastDay, reason } });
}

/** Several years of history: promotions, moves between jobs, an internship turning into a job. */
function history(d: Draft, internship: boolean): void {
  startJob(d, d.date, internship ? 'internship' : d.prng.chance(0.08) ? 'contract' : 'full-time');
  let current = internship ? 'internship' : 'other';
  for (;;) {
    const next = addDays(d.date, d.prng.int(300, 1100));
    if (daysBetween(next, DEMO_HORIZON) < 30) return;
    if (current === 'internship') {
      endJob(d, addDays(next, -1), 'internship completed');
      d.level += 1;
      startJob(d, next, 'full-time');
      current = 'full-time';
    } else if (d.level < TOP_LEVEL && d.prng.chance(0.6)) {
      d.level += 1;
      d.person.requests.push({ method: 'POST', path: `/people/${d.person.personId}/promotions`, body: { newTitle: titleAt(d.track, d.level), newLevel: d.level, effectiveDate: next } });
      d.person.interest += 2;
    } else {
      endJob(d, addDays(next, -1), d.prng.pick(['internal move', 'reorganisation', 'new role']));
      if (d.level < TOP_LEVEL && d.prng.chance(0.4)) d.level += 1;
      startJob(d, next, 'full-time');
    }
    d.date = next;
  }
}

function education(d: Draft, hireDate: string): void {
  const { prng, person, track } = d;
  if (prng.chance(0.65)) {
    const body = { educationId: prng.uuid(), kind: 'degree', title: track.degree, field: track.field, institution: prng.pick(INSTITUTIONS), completedOn: addDays(hireDate, -prng.int(30, 400)) };
    person.requests.push({ method: 'POST', path: `/people/${person.personId}/education`, body });
    person.interest += 1;
  }
  const span = daysBetween(hireDate, DEMO_HORIZON);
  if (span > 60 && prng.chance(0.35)) {
    const kind = prng.chance(0.7) ? 'professional-course' : 'certification';
    const body = { educationId: prng.uuid(), kind, title: track.course, field: track.field, institution: prng.pick(COURSE_PROVIDERS), completedOn: addDays(hireDate, prng.int(30, span - 1)) };
    person.requests.push({ method: 'POST', path: `/people/${person.personId}/education`, body });
    person.interest += 1;
  }
}

function planPerson(prng: Prng, index: number, isManager: boolean, track: Track, managerId: string | null): DemoPerson {
  const personId = prng.uuid();
  const givenName = prng.pick(GIVEN_NAMES);
  const familyName = prng.pick(FAMILY_NAMES);
  const hireDate = addDays(isManager ? '2008-01-07' : '2010-01-04', prng.int(0, isManager ? 2200 : 4900));
  const person: DemoPerson = { personId, isManager, offboarded: false, requests: [], interest: 0 };
  const email = `${asciiLower(givenName)}.${asciiLower(familyName)}.${index}@demo.example`;
  const registration = { personId, givenName, familyName, email, hireDate, employeeNumber: `D-${String(1000 + index)}`, orgUnit: track.orgUnit, managerId };
  person.requests.push({ method: 'POST', path: '/people', body: registration });
  const internship = !isManager && prng.chance(0.15);
  const d: Draft = { prng, person, track, level: internship ? 1 : isManager ? prng.int(3, 4) : prng.int(2, 3), jobId: '', date: hireDate };
  education(d, hireDate);
  history(d, internship);
  if (!isManager && prng.chance(0.08)) {
    const offboardedOn = addDays(d.date, prng.int(30, Math.max(30, daysBetween(d.date, DEMO_HORIZON) - 1)));
    person.requests.push({ method: 'POST', path: `/people/${personId}/offboard`, body: { offboardedOn, reason: prng.pick(['resigned', 'retired', 'relocated']) } });
    person.offboarded = true;
  } else if (prng.chance(0.5)) {
    const targetLevel = Math.min(TOP_LEVEL, d.level + prng.int(1, 2));
    const body = { targetRole: titleAt(track, targetLevel), field: prng.chance(0.8) ? track.field : prng.pick(TRACKS).field, targetLevel, targetDate: addDays(DEMO_HORIZON, prng.int(180, 900)) };
    person.requests.push({ method: 'PUT', path: `/people/${personId}/aspiration`, body });
    person.interest += 2;
  }
  return person;
}

/** FNV-1a: ids must differ between tenants, as stream ids are unique across the whole store. */
function seedOf(tenant: string): number {
  let hash = 0x811c9dc5;
  for (const char of tenant) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return hash;
}

/** The whole demo tenant, managers first (a report's registration names its manager). */
export function planDemoTenant(tenant: string, count: number): DemoPerson[] {
  const prng = new Prng(seedOf(tenant));
  const managerCount = Math.max(1, Math.round(count / 10));
  const managers = Array.from({ length: managerCount }, (_, i) => ({ track: TRACKS[i % TRACKS.length] ?? TRACKS[0], index: i }));
  const people: DemoPerson[] = managers.map(({ track, index }) => planPerson(prng, index, true, track as Track, null));
  for (let index = managerCount; index < count; index++) {
    const managerIndex = prng.int(0, managerCount - 1);
    const manager = managers[managerIndex];
    people.push(planPerson(prng, index, false, (manager?.track ?? TRACKS[0]) as Track, people[managerIndex]?.personId ?? null));
  }
  return people;
}

/** The person whose career shows the most: still employed, promoted often, with education and an aspiration. */
export function featuredPerson(people: readonly DemoPerson[]): DemoPerson {
  const candidates = people.filter((p) => !p.offboarded && !p.isManager);
  const best = [...(candidates.length > 0 ? candidates : people)].sort((a, b) => b.interest - a.interest || a.personId.localeCompare(b.personId))[0];
  if (best === undefined) throw new Error('the demo tenant has no people');
  return best;
}
