/**
 * Polls a condition until it holds or the deadline passes: the honest alternative to
 * sleeping in tests. The last assertion error is rethrown so failures read clearly.
 */
export async function eventually<T>(check: () => Promise<T> | T, { timeoutMs = 15000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
