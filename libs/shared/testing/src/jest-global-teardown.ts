/** Stops containers started by the global setup; local and environment services stay up. */
export default async function globalTeardown(): Promise<void> {
  const infra = globalThis.__trajectoryInfra;
  globalThis.__trajectoryInfra = undefined;
  await infra?.stop();
}
