// The worker's log: one line per event, `level message {fields}`, on stderr for warnings and errors.
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger(prefix: string, level: LogLevel = "info"): Logger {
  const at = ORDER[level];
  const line = (lvl: Exclude<LogLevel, "silent">, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < at) return;
    const text = `${new Date().toISOString()} ${lvl} [${prefix}] ${message}${
      fields && Object.keys(fields).length > 0 ? " " + JSON.stringify(fields) : ""
    }`;
    if (ORDER[lvl] >= ORDER.warn) console.error(text);
    else console.log(text);
  };
  return {
    debug: (m, f) => line("debug", m, f),
    info: (m, f) => line("info", m, f),
    warn: (m, f) => line("warn", m, f),
    error: (m, f) => line("error", m, f),
  };
}

export function parseLogLevel(value: string | undefined, fallback: LogLevel): LogLevel {
  return value !== undefined && value in ORDER ? value as LogLevel : fallback;
}
