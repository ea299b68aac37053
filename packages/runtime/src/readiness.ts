/** One dependency a process needs before it can do useful work. */
export interface Check {
  name: string;
  /** Resolves when healthy; rejects with a reason otherwise. Should bound its own time. */
  run(): Promise<void>;
}

export interface Readiness {
  status: "ready" | "not-ready";
  checks: Record<string, { ok: boolean; ms: number; error?: string }>;
}

/** Runs every check in parallel; ready only when all pass. Never throws. */
export async function readiness(checks: readonly Check[]): Promise<Readiness> {
  const results = await Promise.all(
    checks.map(async (check) => {
      const started = performance.now();
      try {
        await check.run();
        return [check.name, { ok: true, ms: Math.round(performance.now() - started) }] as const;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return [check.name, { ok: false, ms: Math.round(performance.now() - started), error: message }] as const;
      }
    }),
  );
  const ok = results.every(([, result]) => result.ok);
  return { status: ok ? "ready" : "not-ready", checks: Object.fromEntries(results) };
}
