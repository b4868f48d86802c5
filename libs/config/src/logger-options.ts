import { maskNationalIdsDeep, maskNationalIdsInText } from '@tr/io';
import type { LoggerOptions } from 'pino';

/**
 * The pino options of every process (api, worker): JSON lines, secrets redacted, and any string
 * shaped like a resident ID masked, wherever it hides (messages, error texts, bound objects).
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.passwordHash',
      ],
      censor: '[redacted]',
    },
    formatters: {
      log: (object) => maskNationalIdsDeep(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? maskNationalIdsInText(arg) : arg)) as Parameters<
            typeof method
          >,
        );
      },
    },
  };
}
