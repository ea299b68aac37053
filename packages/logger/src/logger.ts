import { type Logger, pino } from "pino";

export type { Logger };

export interface LoggerOptions {
  /** The process name, bound to every line as `service`. */
  service: string;
  level: string;
  /** `auto` = pretty when the destination is a terminal, JSON otherwise. */
  format: "auto" | "json" | "pretty";
  /** Where lines go; defaults to stdout. Tests pass a stream to read lines back. */
  destination?: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * Paths whose values never reach a log line: credentials in headers, API keys, SMTP passwords, webhook
 * secrets. pino replaces them with "[redacted]" wherever they sit in the logged object.
 */
const redactPaths = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  "*.password",
  "*.secret",
  "*.apiKey",
  "*.token",
];

/**
 * The root logger of a process. Everything else receives a `Logger` (or a `.child()` bound to a proposal id,
 * request id or job id) as a parameter, so that no module creates its own.
 */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? process.stdout;
  const pretty = options.format === "pretty" || (options.format === "auto" && destination.isTTY === true);
  const base = { service: options.service };
  const common = {
    level: options.level,
    base,
    redact: { paths: redactPaths, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (pretty) {
    return pino({
      ...common,
      transport: { target: "pino-pretty", options: { colorize: true, translateTime: "SYS:HH:MM:ss.l" } },
    });
  }
  return pino(common, destination);
}
