import { ConfigError } from '@tr/config';
import { SnapshotValidationError } from '@tr/domain';
import { UnreadableInputError, UnwritableOutputError } from '@tr/io';
import { CountyNotFoundError, DatabaseUnavailableError } from '@tr/persistence';
import { createUserCommand, exportCommand, importCommand, migrateCommand } from './db.command';
import { generateCommand } from './generate.command';
import { planCommand } from './plan.command';
import { UsageError } from './usage-error';
import { validateCommand } from './validate.command';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  plan: planCommand,
  validate: validateCommand,
  generate: generateCommand,
  migrate: migrateCommand,
  import: importCommand,
  export: exportCommand,
  'create-user': createUserCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`命令 commands: ${Object.keys(COMMANDS).join(', ')}`);
  return command(rest);
}

/**
 * Once a command has finished, a handle some dependency leaves open (a pool, a loader thread) must not
 * keep the process alive: past this grace the process exits with the code already set.
 */
const EXIT_GRACE_MS = 5_000;

main(process.argv.slice(2))
  .then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      if (
        error instanceof SnapshotValidationError ||
        error instanceof UnreadableInputError ||
        error instanceof UnwritableOutputError ||
        error instanceof UsageError ||
        error instanceof ConfigError ||
        error instanceof CountyNotFoundError ||
        error instanceof DatabaseUnavailableError
      ) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      if (
        error instanceof TypeError &&
        (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      process.stderr.write(
        `错误 error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  )
  .finally(() => setTimeout(() => process.exit(), EXIT_GRACE_MS).unref());
