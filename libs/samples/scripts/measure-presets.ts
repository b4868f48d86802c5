/**
 * Times each preset and reports its size and the heap its snapshot holds.
 * Run: npx tsx --expose-gc libs/samples/scripts/measure-presets.ts [seed]
 */
import { generateCounty, summarizeSample, type PresetName } from '@tr/samples';

const seed = Number(process.argv[2] ?? 1);
const gc = (globalThis as { gc?: () => void }).gc;
const presets: PresetName[] = ['mini', 'dengfeng', 'hohhot', 'prefecture'];

for (const preset of presets) {
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const snapshot = generateCounty(preset, seed);
  const ms = performance.now() - start;
  gc?.();
  const heldMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const s = summarizeSample(snapshot);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(
    [
      `${preset.padEnd(10)} ${ms.toFixed(0).padStart(5)} ms, snapshot holds ${heldMb.toFixed(0)} MB${gc ? '' : ' (run with --expose-gc for an exact figure)'}`,
      `  ${s.schools} schools ${JSON.stringify(s.schoolsByType)} ${JSON.stringify(s.schoolsByArea)}`,
      `  ${s.teachers} teachers, ${s.pupils.total} pupils (primary ${s.pupils.primary}, junior ${s.pupils.junior}, special ${s.pupils.special})`,
      `  eligible ${s.eligible} (${pct(s.eligibleShare)}), 6+ years at school ${pct(s.sixYearsShare)}, heads due to rotate ${s.headsDueToRotate}/${s.heads}`,
      ...(['urban', 'town', 'rural'] as const).map((area) => {
        const a = s.byArea[area];
        return `  ${area.padEnd(5)} staff/need ${a.supplyOverNeed.toFixed(2)}, pupils/teacher ${a.pupilsPerTeacher.toFixed(1)}, backbone ${pct(a.backboneShare)}, degree above ${pct(a.degreeAboveShare)}, mean age ${a.meanAge.toFixed(1)}, music+PE+art per class ${a.peArtsPerClass.toFixed(2)}`;
      }),
    ].join('\n'),
  );
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
