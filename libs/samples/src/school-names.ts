import type { Area, SchoolType } from '@tr/domain';
import { chineseNumeral, STREETS } from './names';

/**
 * Names schools the way a county does: 登封市第一实验小学 in the county town, 大金店镇中心小学 at a
 * township seat, 君召乡王庄村小学 in a village. One namer per county keeps names and numbers unique.
 */
export class SchoolNamer {
  private readonly counters = new Map<string, number>();
  private readonly taken = new Set<string>();

  constructor(private readonly county: string) {}

  name(type: SchoolType, area: Area, town?: string, village?: string): string {
    const base = this.candidate(type, area, town, village);
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}(${chineseNumeral(Math.min(n, 99))}部)`;
    this.taken.add(name);
    return name;
  }

  private next(key: string): number {
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n;
  }

  private candidate(type: SchoolType, area: Area, town?: string, village?: string): string {
    const c = this.county;
    if (type === 'special') {
      const n = this.next('special');
      return n === 1 ? `${c}特殊教育学校` : `${c}第${chineseNumeral(n)}特殊教育学校`;
    }
    if (area === 'urban' || town === undefined) {
      if (type === 'primary') {
        const n = this.next('urban-primary');
        if (n <= 2) return `${c}第${chineseNumeral(n)}实验小学`;
        if (n - 3 < STREETS.length) return `${c}${STREETS[n - 3]}小学`;
        return `${c}第${chineseNumeral(n - 2 - STREETS.length)}小学`;
      }
      if (type === 'junior') {
        const n = this.next('urban-junior');
        return n === 1 ? `${c}实验中学` : `${c}第${chineseNumeral(n - 1)}初级中学`;
      }
      const n = this.next('urban-nine');
      return `${c}${STREETS[(STREETS.length - n) % STREETS.length]}学校`;
    }
    if (type === 'junior') return `${town}第${chineseNumeral(this.next(`${town}-junior`))}初级中学`;
    if (area === 'town') {
      if (type === 'primary') {
        const n = this.next(`${town}-primary`);
        return n === 1 ? `${town}中心小学` : `${town}第${chineseNumeral(n)}小学`;
      }
      const n = this.next(`${town}-nine`);
      return n === 1 ? `${town}九年制学校` : `${town}第${chineseNumeral(n)}九年制学校`;
    }
    if (type === 'primary') return `${town}${village ?? ''}村小学`;
    return `${town}${village ?? ''}九年制学校`;
  }
}
