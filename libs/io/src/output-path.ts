import { randomBytes } from 'node:crypto';
import { rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** A file cannot be written where the user asked: said before any work is done, without a stack trace. */
export class UnwritableOutputError extends Error {
  override name = 'UnwritableOutputError';
}

/** Writes `path` with `write`; a file system error becomes an UnwritableOutputError naming the path. */
export async function writeOutput(path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof Error && 'code' in error)) throw error;
    throw new UnwritableOutputError(
      `无法写出 ${path}（${errorText(error)}）/ could not write ${path} (${errorText(error)})`,
    );
  }
}

/**
 * Checks that a file can be written at `path` (folders above it are created when it is written), so
 * that a typo in `--out` fails at once rather than after minutes of planning. Tries a small file in the
 * nearest folder that exists, since permissions alone do not tell (a read-only or virtual file system).
 */
export async function assertWritableFile(path: string): Promise<void> {
  const target = resolve(path);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory())
    throw new UnwritableOutputError(
      `输出路径是文件夹，不是文件 / the output path is a folder, not a file: ${path}`,
    );
  let folder = dirname(target);
  let found = await stat(folder).catch(() => undefined);
  while (!found && dirname(folder) !== folder) {
    folder = dirname(folder);
    found = await stat(folder).catch(() => undefined);
  }
  if (found && !found.isDirectory())
    throw new UnwritableOutputError(
      `输出路径 ${path} 的上级 ${folder} 是文件，不是文件夹 / ${folder}, above the output path ${path}, is a file, not a folder`,
    );
  const probe = join(folder, `.write-check-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(probe, '');
  } catch (error) {
    throw new UnwritableOutputError(
      `无法在 ${folder} 中写入文件（${errorText(error)}）/ cannot write a file in ${folder} (${errorText(error)}), for the output path ${path}`,
    );
  } finally {
    await rm(probe, { force: true });
  }
}

/** A file system error's own message (EACCES: permission denied, …). */
function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
