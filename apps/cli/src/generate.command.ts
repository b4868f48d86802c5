import { parseArgs } from 'node:util';
import { writeOutput, writeSnapshot } from '@tr/io';
import { PRESETS, generateCounty, type PresetName } from '@tr/samples';
import { UsageError } from './usage-error';

export const GENERATE_USAGE = `用法 usage: npm run generate -- --preset ${Object.keys(PRESETS).join('|')} --out <folder | workbook.xlsx> [--seed N]`;

/** Writes a seeded sample county as a CSV folder or an xlsx workbook. */
export async function generateCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { preset: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
    strict: true,
  });
  if (!values.preset || !values.out || !(values.preset in PRESETS)) throw new UsageError(GENERATE_USAGE);
  const seed = values.seed !== undefined ? Number(values.seed) : undefined;
  if (seed !== undefined && !Number.isInteger(seed))
    throw new UsageError(`--seed 必须是整数 / --seed must be an integer`);
  const snapshot = generateCounty(values.preset as PresetName, seed);
  const out = values.out;
  await writeOutput(out, () => writeSnapshot(snapshot, out, out.endsWith('.xlsx') ? 'xlsx' : 'csv'));
  process.stdout.write(
    `${snapshot.schools.length} schools, ${snapshot.teachers.length} teachers → ${values.out}\n`,
  );
  return 0;
}
