import { Controller, Get, Header, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { runReadinessChecks, type ReadinessCheck, type ReadinessReport } from './readiness-check';

export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');

export interface HealthModuleOptions {
  /** Dependencies `/health/ready` waits for; none means ready once listening. */
  checks: readonly ReadinessCheck[];
  /** Per-check limit; a check that takes longer counts as down. */
  timeoutMs?: number;
}

/**
 * A plain controller rather than @nestjs/terminus: terminus answers 503 by throwing,
 * which the global problem+json filter would rewrite, and the probe body must stay a
 * simple per-dependency report.
 */
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_OPTIONS) private readonly options: HealthModuleOptions) {}

  /** Answers while the event loop does: restart me only if this stops. */
  @Get('live')
  @Header('Cache-Control', 'no-store')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Send me traffic only when every dependency answers now. */
  @Get('ready')
  @Header('Cache-Control', 'no-store')
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const report = await runReadinessChecks(this.options.checks, this.options.timeoutMs);
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
