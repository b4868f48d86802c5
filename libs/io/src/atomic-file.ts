import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UnwritableOutputError } from './output-path';

/** A sibling name for temporary output: same directory, so the final rename stays on one file system. */
function tempSibling(path: string, tag: string): string {
  return join(dirname(path), `.${basename(path)}.${tag}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Writes a file so that readers see the old content or the complete new content, never a part. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempSibling(path, 'tmp');
  try {
    await writeFile(temp, data, { flush: true });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes a folder of files via a temporary folder renamed into place. An existing target is
 * replaced only if it holds nothing but files this writer owns (`ownedNames`), so unrelated
 * files are never deleted.
 */
export async function writeFolderAtomic(
  path: string,
  files: Record<string, string>,
  ownedNames: readonly string[] = Object.keys(files),
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const existing = await stat(path).catch(() => undefined);
  if (existing) {
    if (!existing.isDirectory())
      throw new UnwritableOutputError(
        `输出路径已存在且不是文件夹 / output path exists and is not a folder: ${path}`,
      );
    const foreign = (await readdir(path)).filter((name) => !ownedNames.includes(name));
    if (foreign.length > 0) {
      throw new UnwritableOutputError(
        `输出文件夹含有其他文件，未覆盖 / output folder holds other files, not overwritten: ${path} (${foreign.join(', ')})`,
      );
    }
  }
  const temp = tempSibling(path, 'tmp');
  const old = tempSibling(path, 'old');
  try {
    await mkdir(temp);
    for (const [name, content] of Object.entries(files))
      await writeFile(join(temp, name), content, { flush: true });
    // A directory cannot be renamed over a non-empty one: move the old one aside first.
    if (existing) await rename(path, old);
    try {
      await rename(temp, path);
    } catch (error) {
      if (existing) await rename(old, path);
      throw error;
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  }
}
