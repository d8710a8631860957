import type { ReadinessCheck } from '@trajectory/shared/platform';

/** The gateway is ready when the services it routes to are. */
export class ServiceReadinessCheck implements ReadinessCheck {
  constructor(readonly name: string, private readonly baseUrl: string) {}

  async check(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(1500) });
    if (!response.ok) throw new Error(`${this.name} answered ${response.status}`);
  }
}
