/** `1-6`, `1,3,5` or a mix: the seeds in the order given, each once. */
export function seedList(text: string): number[] {
  const seeds: number[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    const from = range ? Number(range[1]) : NaN;
    const to = range?.[2] !== undefined ? Number(range[2]) : from;
    if (!range || from < 1 || to < from)
      throw new Error(`--seeds takes positive seeds and ranges such as 1-6,9, got "${text}"`);
    for (let seed = from; seed <= to; seed++) if (!seeds.includes(seed)) seeds.push(seed);
  }
  return seeds;
}
