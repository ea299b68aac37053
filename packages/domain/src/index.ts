export * from "./actor.ts";
export * from "./calendar/index.ts";
export * from "./content.ts";
export * from "./duration.ts";
export * from "./events.ts";
export * from "./policy.ts";
export * from "./refusals.ts";
export * from "./schedule.ts";
