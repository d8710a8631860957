import { Kafka, logLevel, type Admin } from 'kafkajs';
import type { ReadinessCheck } from './readiness-check';

export interface KafkaReadinessOptions {
  brokers: string[];
  clientId?: string;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

/**
 * Keeps one admin connection across probes (a probe every few seconds must not open a
 * connection each time) and drops it after any failure so the next probe reconnects.
 * Its own client has no retries: a probe reports the broker's state now, and the
 * default retry schedule would outlast the orchestrator's probe timeout.
 */
export class KafkaReadinessCheck implements ReadinessCheck {
  readonly name = 'kafka';
  private readonly kafka: Kafka;
  private admin: Promise<Admin> | undefined;

  constructor(options: KafkaReadinessOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'trajectory-readiness',
      brokers: options.brokers,
      connectionTimeout: options.connectionTimeoutMs ?? 1000,
      requestTimeout: options.requestTimeoutMs ?? 1500,
      retry: { retries: 0 },
      // Failures are reported in the readiness body; kafkajs's own logs would repeat them.
      logLevel: logLevel.NOTHING,
    });
  }

  async check(): Promise<void> {
    const connecting = (this.admin ??= this.connect());
    try {
      await (await connecting).describeCluster();
    } catch (error) {
      if (this.admin === connecting) this.admin = undefined;
      void connecting.then((a) => a.disconnect()).catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    const connecting = this.admin;
    this.admin = undefined;
    await connecting?.then((a) => a.disconnect()).catch(() => undefined);
  }

  private async connect(): Promise<Admin> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    await admin.connect();
    return admin;
  }
}
