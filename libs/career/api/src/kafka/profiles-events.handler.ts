import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CAREER_READ_MODEL, type CareerReadModelPort } from '@trajectory/career/application';
import type { JobEndedV1, JobStartedV1, PersonRegisteredV1 } from '@trajectory/contracts/profiles';
import { KafkaEventContext, type ConsumedEvent } from '@trajectory/shared/messaging';

/** Every profiles event carries its tenant; one without is a poison message for the DLQ. */
function tenantOf(event: ConsumedEvent): string {
  if (event.tenantId === undefined) throw new Error(`event ${event.id} has no ce_tenantid header`);
  return event.tenantId;
}

/**
 * Projects profiles events into the career read model. Patterns name the event without
 * its version: a new schema version must be handled here before it is published.
 */
@Controller()
export class ProfilesEventsHandler {
  constructor(@Inject(CAREER_READ_MODEL) private readonly readModel: CareerReadModelPort) {}

  @EventPattern('trajectory.profiles.PersonRegistered')
  onPersonRegistered(@Payload() event: ConsumedEvent<PersonRegisteredV1>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.readModel.recordPersonRegistered(context.getTx(), tenantOf(event), event.data);
  }

  @EventPattern('trajectory.profiles.JobStarted')
  onJobStarted(@Payload() event: ConsumedEvent<JobStartedV1>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.readModel.recordJobStarted(context.getTx(), tenantOf(event), event.data);
  }

  @EventPattern('trajectory.profiles.JobEnded')
  onJobEnded(@Payload() event: ConsumedEvent<JobEndedV1>, @Ctx() context: KafkaEventContext): Promise<void> {
    return this.readModel.recordJobEnded(context.getTx(), tenantOf(event), event.data);
  }
}
