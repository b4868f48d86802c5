import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const SAMPLE = join(ROOT, 'examples', 'dengfeng');

const TIMEOUT_MS = 120_000;

/**
 * Runs the real CLI as a user would, in its own process. A run that never exits (killed at the
 * timeout, or by a signal) throws with what it printed, so a failure says more than "status null".
 */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  nodeArgs: string[] = [],
): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', join(ROOT, 'apps/cli/src/main.ts'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...env },
    },
  );
  if (result.status === null) {
    const why = result.error ? result.error.message : `signal ${result.signal}`;
    throw new Error(
      `cli ${args.join(' ')} did not exit (${why}; timeout ${TIMEOUT_MS} ms)\n` +
        `stdout: ${result.stdout}\nstderr: ${result.stderr}`,
    );
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
