/** The profiles context publishes every event of its streams to this topic, keyed by stream id. */
export const PROFILES_CONTEXT = 'profiles';
export const PROFILES_TOPIC = 'profiles.events';
export const PROFILES_SOURCE = '/trajectory/profiles';

/** Stream ids carry the aggregate kind so a glance at a topic says what a key is. */
export function personStreamId(personId: string): string {
  return `person-${personId}`;
}

/** CloudEvents `type` of a profiles event: `trajectory.profiles.<Event>.v<N>`. */
export function profilesCloudEventType(eventType: string, schemaVersion: number): string {
  return `trajectory.${PROFILES_CONTEXT}.${eventType}.v${schemaVersion}`;
}
