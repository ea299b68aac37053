/** Where "now" comes from. Injected so that tests and demos can run policies on a controlled clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
