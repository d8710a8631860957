import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Metrics } from './metrics';

@Controller('metrics')
export class MetricsController {
  constructor(@Inject(Metrics) private readonly metrics: Metrics) {}

  @Get()
  async scrape(@Res() res: Response): Promise<void> {
    // Written raw: Express's send() would reorder the media type parameters, and
    // scrapers compare `text/plain; version=0.0.4` literally.
    const { contentType, body } = await this.metrics.render();
    res.status(200).setHeader('Content-Type', contentType).setHeader('Cache-Control', 'no-store').end(body);
  }
}
