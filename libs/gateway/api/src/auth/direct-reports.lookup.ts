import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { UPSTREAMS, type Upstreams } from '../proxy/upstreams';
import type { Principal } from './principal';

interface PeoplePage {
  items: Array<{ personId: string }>;
  total: number;
}

const PAGE_SIZE = 200;
/** Long enough to serve a burst of page loads from one lookup, short enough that a re-org shows at once. */
const CACHE_MS = 2_000;
const LOOKUP_TIMEOUT_MS = 5_000;

/**
 * Who reports to a manager, from the career read model's people list. Eventually
 * consistent: a report shows up once career has seen the PersonRegistered/PersonUpdated
 * naming the manager (normally well under a second). Asking career keeps the gateway free
 * of a copy of the org chart and lets one query answer for all of a manager's reports.
 */
@Injectable()
export class DirectReportsLookup {
  private readonly cache = new Map<string, { expiresAt: number; reports: Promise<ReadonlySet<string>> }>();

  constructor(@Inject(UPSTREAMS) private readonly upstreams: Upstreams) {}

  async isDirectReport(manager: Principal, personId: string): Promise<boolean> {
    if (manager.personId === undefined) return false;
    return (await this.reportsOf(manager.tenant, manager.personId, manager.subject)).has(personId);
  }

  private reportsOf(tenant: string, managerId: string, actor: string): Promise<ReadonlySet<string>> {
    const key = `${tenant}\u0000${managerId}`;
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached !== undefined && cached.expiresAt > now) return cached.reports;
    for (const [k, entry] of this.cache) if (entry.expiresAt <= now) this.cache.delete(k);
    const reports = this.fetchAll(tenant, managerId, actor);
    this.cache.set(key, { expiresAt: now + CACHE_MS, reports });
    // A failed lookup is not remembered: the next request asks again.
    reports.catch(() => this.cache.delete(key));
    return reports;
  }

  private async fetchAll(tenant: string, managerId: string, actor: string): Promise<ReadonlySet<string>> {
    const reports = new Set<string>();
    for (let page = 1; ; page++) {
      const body = await this.fetchPage(tenant, managerId, actor, page);
      for (const item of body.items) reports.add(item.personId);
      if (body.items.length === 0 || page * PAGE_SIZE >= body.total) return reports;
    }
  }

  private async fetchPage(tenant: string, managerId: string, actor: string, page: number): Promise<PeoplePage> {
    const query = new URLSearchParams({ managerId, page: String(page), pageSize: String(PAGE_SIZE) });
    let response: Response;
    try {
      response = await fetch(`${this.upstreams.career}/people?${query.toString()}`, {
        headers: { accept: 'application/json', 'x-tenant-id': tenant, 'x-actor-id': actor },
        signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServiceUnavailableException(`The career service did not answer: ${(error as Error).message}`);
    }
    if (!response.ok) throw new ServiceUnavailableException(`The career service answered ${response.status} to a direct-reports lookup.`);
    const body = (await response.json()) as Partial<PeoplePage>;
    if (!Array.isArray(body.items) || typeof body.total !== 'number') throw new ServiceUnavailableException('The career service answered an unexpected people page.');
    return { items: body.items, total: body.total };
  }
}
