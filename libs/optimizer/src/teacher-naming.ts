import type { Subject, Teacher } from '@tr/domain';
import type { RotationModel } from './rotation-model';

export interface NamedMove {
  teacher: Teacher;
  to: string;
  subject: Subject;
  km?: number;
  asHead: boolean;
}

interface Slot {
  to: string;
  subject: Subject;
  km?: number;
  count: number;
}

/**
 * Turns group flows into people. Within a group, a slot goes first to members who asked for that school
 * (best-ranked wish first), then to those longest at their school; ties by staff number, so the result
 * never depends on input order.
 */
export function nameTeachers(rotation: RotationModel, values: Float64Array): NamedMove[] {
  const slotsByGroup = new Map<number, Slot[]>();
  const moves: NamedMove[] = [];
  rotation.columns.forEach((meta, c) => {
    const count = Math.round(values[c]);
    if (count <= 0) return;
    if (meta.type === 'flow') {
      const slots = slotsByGroup.get(meta.group.index) ?? [];
      slots.push({ to: meta.to, subject: meta.subject, km: meta.km, count });
      slotsByGroup.set(meta.group.index, slots);
    } else if (meta.type === 'head') {
      moves.push({ teacher: meta.teacher, to: meta.to, subject: meta.subject, km: meta.km, asHead: true });
    }
  });
  for (const group of rotation.groups) {
    const slots = slotsByGroup.get(group.index);
    if (slots) moves.push(...fillSlots(group.teachers, slots));
  }
  return moves.sort((a, b) => (a.teacher.id < b.teacher.id ? -1 : 1));
}

function fillSlots(teachers: readonly Teacher[], slots: Slot[]): NamedMove[] {
  const bySeniority = [...teachers].sort((a, b) =>
    a.atSchoolSince < b.atSchoolSince ? -1 : a.atSchoolSince > b.atSchoolSince ? 1 : a.id < b.id ? -1 : 1,
  );
  const taken = new Set<string>();
  const moves: NamedMove[] = [];
  const place = (teacher: Teacher, slot: Slot) => {
    taken.add(teacher.id);
    slot.count -= 1;
    moves.push({ teacher, to: slot.to, subject: slot.subject, km: slot.km, asHead: false });
  };
  for (const slot of slots) {
    const wishing = bySeniority
      .filter((t) => !taken.has(t.id) && t.preferences.includes(slot.to))
      .sort((a, b) => a.preferences.indexOf(slot.to) - b.preferences.indexOf(slot.to));
    for (const teacher of wishing) {
      if (slot.count === 0) break;
      place(teacher, slot);
    }
  }
  for (const slot of slots) {
    for (const teacher of bySeniority) {
      if (slot.count === 0) break;
      if (!taken.has(teacher.id)) place(teacher, slot);
    }
  }
  return moves;
}
