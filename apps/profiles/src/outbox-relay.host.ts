import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { OutboxRelay } from '@trajectory/shared/messaging';

export const PROFILES_RELAY = Symbol('PROFILES_RELAY');

/** Runs the outbox relay for as long as the app runs; stops it before the pool closes. */
@Injectable()
export class OutboxRelayHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayHost.name);

  constructor(@Inject(PROFILES_RELAY) private readonly relay: OutboxRelay) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
    this.logger.log('outbox relay started');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
