/** Subject codes of FORMATS.md, with their Chinese names for user-facing text. */
export const SUBJECTS = [
  'chinese',
  'math',
  'english',
  'ideology',
  'history',
  'geography',
  'physics',
  'chemistry',
  'biology',
  'science',
  'music',
  'pe',
  'art',
  'it',
  'labour',
  'psychology',
  'special_ed',
  'integrated_practice',
] as const;

export type Subject = (typeof SUBJECTS)[number];

export const SUBJECT_NAMES_ZH: Record<Subject, string> = {
  chinese: '语文',
  math: '数学',
  english: '英语',
  ideology: '道德与法治',
  history: '历史',
  geography: '地理',
  physics: '物理',
  chemistry: '化学',
  biology: '生物',
  science: '科学',
  music: '音乐',
  pe: '体育',
  art: '美术',
  it: '信息科技',
  labour: '劳动',
  psychology: '心理健康',
  special_ed: '特殊教育',
  integrated_practice: '综合实践',
};

/**
 * The scarce subjects the optimizer weighs more and the metrics' rural scarce shortage counts: the list of
 * the core-engine issue (music, PE, art, science, psychology, IT, labour). DOMAIN.md names further subjects
 * rural schools lack (ideology, integrated practice, special education); their shortage counts as any other.
 */
export const SCARCE_SUBJECTS: ReadonlySet<Subject> = new Set<Subject>([
  'music',
  'pe',
  'art',
  'science',
  'psychology',
  'it',
  'labour',
]);

/** Subjects counted by the "PE and arts teachers per 100 pupils" balance indicator. */
export const PE_ARTS_SUBJECTS: ReadonlySet<Subject> = new Set<Subject>(['pe', 'music', 'art']);

export function isSubject(value: string): value is Subject {
  return (SUBJECTS as readonly string[]).includes(value);
}
