/**
 * Runs `start` with these environment variables set, then puts them back as they were. The registry reads its
 * configuration once, at start, so a test world started inside keeps the values while other suites in the same
 * jest worker see the environment unchanged.
 */
export async function withEnvironment<T>(variables: Record<string, string>, start: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  try {
    return await start();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
