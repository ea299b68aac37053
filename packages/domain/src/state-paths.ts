/**
 * Flattens an XState state value into dotted paths of its leaves: {a: {b: "c"}} → ["a.b.c"]. Pure and
 * machine-agnostic, so that every workflow describes its active states the same way to the engine.
 */
export function statePaths(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return [prefix ? `${prefix}.${value}` : value];
  if (typeof value !== "object" || value === null) return [];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return prefix ? [prefix] : [];
  return entries.flatMap(([key, child]) => statePaths(child, prefix ? `${prefix}.${key}` : key));
}
