import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A dependency's installed version, recorded in every plan; read from disk because `highs` does not export its package.json. */
export function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  for (let depth = 0; depth < 4; depth++) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // not here: look one folder up
    }
    dir = dirname(dir);
  }
  return 'unknown';
}
