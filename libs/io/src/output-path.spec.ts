import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFolderAtomic } from './atomic-file';
import { UnwritableOutputError, assertWritableFile, writeOutput } from './output-path';

describe(assertWritableFile.name, () => {
  const fresh = () => mkdtempSync(join(tmpdir(), 'out-check-'));

  it('accepts a new file in a folder, or below folders still to be made, and leaves nothing behind', async () => {
    const dir = fresh();
    await assertWritableFile(join(dir, 'plan.json'));
    await assertWritableFile(join(dir, 'a', 'b', 'plan.json'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder, and a path below a file, in Chinese and English', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'taken'), 'x');
    await expect(assertWritableFile(dir)).rejects.toThrow(
      new UnwritableOutputError(
        `输出路径是文件夹，不是文件 / the output path is a folder, not a file: ${dir}`,
      ),
    );
    await expect(assertWritableFile(join(dir, 'taken', 'plan.json'))).rejects.toThrow(
      /上级 .*taken 是文件，不是文件夹 \/ .*taken, above the output path/,
    );
  });
});

describe(writeOutput.name, () => {
  it('names the path when the file system refuses the write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'out-write-'));
    const failing = () =>
      Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    await expect(writeOutput(join(dir, 'plan.json'), failing)).rejects.toThrow(
      /无法写出 .*plan\.json（EACCES: permission denied）\/ could not write .*plan\.json/,
    );
  });

  it('lets other errors through as they are', async () => {
    const error = new RangeError('not a file system error');
    await expect(writeOutput('x', () => Promise.reject(error))).rejects.toBe(error);
  });
});

describe(writeFolderAtomic.name, () => {
  it('refuses a file where the folder should go as an output problem, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'out-folder-'));
    writeFileSync(join(dir, 'taken'), 'x');
    const write = writeFolderAtomic(join(dir, 'taken'), { 'a.csv': 'a' });
    await expect(write).rejects.toBeInstanceOf(UnwritableOutputError);
    await expect(writeFolderAtomic(join(dir, 'taken'), { 'a.csv': 'a' })).rejects.toThrow(
      /输出路径已存在且不是文件夹 \/ output path exists and is not a folder/,
    );
  });
});
