import { PE_ARTS_SUBJECTS, SUBJECT_NAMES_ZH, ceilFte, type CountyContext, type Localized } from '@tr/domain';
import type { BalanceTargets } from './balance-targets';
import type { NamedMove } from './teacher-naming';

const AREA_ZH = { urban: '城区', town: '镇区', rural: '农村' } as const;

/** Why each move is in the plan, in Chinese and English: the need it meets, the teacher's eligibility, the balance it brings. */
export function moveReasons(
  context: CountyContext,
  balance: BalanceTargets,
  move: NamedMove,
  all: readonly NamedMove[],
): Localized[] {
  const reasons: Localized[] = [];
  const { teacher, to, subject } = move;
  const from = teacher.schoolCode;
  const destination = context.schoolsByCode.get(to)!;
  const need = context.needBySchool.get(to)?.[subject] ?? 0;
  const present = context.supplyBySchool.get(to)?.[subject] ?? 0;
  if (ceilFte(need) > present) {
    const remote = destination.remote ? ', remote' : '';
    reasons.push({
      zh: `补充${to}（${AREA_ZH[destination.area]}${destination.remote ? '、边远' : ''}）${SUBJECT_NAMES_ZH[subject]}学科缺编（需 ${need.toFixed(1)} 人，现有 ${present} 人）`,
      en: `fills ${subject} shortage at ${to} (${destination.area}${remote}; needs ${need.toFixed(1)} FTE, has ${present})`,
    });
  }
  if (subject !== teacher.subject) {
    reasons.push({ zh: `改教兼任学科${SUBJECT_NAMES_ZH[subject]}`, en: `teaches extra subject ${subject}` });
  }
  const eligibility = context.eligibility.get(teacher.id)!;
  if (move.asHead) {
    reasons.push(
      eligibility.headDueToRotate
        ? {
            zh: `校级领导在本校任满 ${teacher.termsAsHead} 届，须交流`,
            en: `head for ${teacher.termsAsHead} full terms at ${from}: due to rotate`,
          }
        : { zh: '参与校级领导互换交流', en: 'joins a head exchange' },
    );
  }
  reasons.push({
    zh: `在${from}连续任教 ${eligibility.yearsAtSchool} 年，符合交流条件`,
    en: `${eligibility.yearsAtSchool} years at ${from}: meets the exchange conditions`,
  });
  for (const indicator of indicatorGains(balance, move)) reasons.push(indicator);
  const rank = teacher.preferences.indexOf(to);
  if (rank >= 0)
    reasons.push({ zh: `本人志愿（第 ${rank + 1} 志愿）`, en: `the teacher's choice no. ${rank + 1}` });
  if (exchanges(all).has(`${to}>${from}>${subject}`))
    reasons.push({ zh: `与${to}同学科对口交流`, en: `exchange with ${to} in ${subject}` });
  if (move.km !== undefined)
    reasons.push({ zh: `距离 ${move.km.toFixed(1)} 公里`, en: `${move.km.toFixed(1)} km away` });
  return reasons;
}

/** Indicators the move raises at a school below the county mean, taken from one above it. */
function indicatorGains(balance: BalanceTargets, move: NamedMove): Localized[] {
  const { teacher, to, subject } = move;
  const gains: Localized[] = [];
  const gap = (code: string, key: string) => {
    const t = balance.get(code)?.get(key as never);
    return t ? t.target - t.present : 0;
  };
  const stageKeys = (indicator: string) => ['primary', 'junior'].map((stage) => `${stage}:${indicator}`);
  const gainsAt = (indicator: string) => stageKeys(indicator).some((key) => gap(to, key) > 0.5);
  if (teacher.backbone !== 'none' && gainsAt('backbone')) {
    gains.push({
      zh: `骨干教师流向低于全县均值的${to}`,
      en: `brings a backbone teacher to ${to}, below the county mean`,
    });
  }
  if (teacher.degree === 'above' && gainsAt('degree_above')) {
    gains.push({
      zh: `高于规定学历教师流向低于全县均值的${to}`,
      en: `brings an above-degree teacher to ${to}, below the county mean`,
    });
  }
  if (PE_ARTS_SUBJECTS.has(subject) && gainsAt('pe_arts')) {
    gains.push({
      zh: `增加${to}体育艺术教师（低于全县均值）`,
      en: `adds a PE/arts teacher at ${to}, below the county mean`,
    });
  }
  return gains;
}

const exchangeIndex = new WeakMap<readonly NamedMove[], Set<string>>();

/** "from>to>subject" of every move, built once per plan: an exchange is a move with its mirror image. */
function exchanges(all: readonly NamedMove[]): Set<string> {
  let index = exchangeIndex.get(all);
  if (!index) {
    index = new Set(all.map((m) => `${m.teacher.schoolCode}>${m.to}>${m.subject}`));
    exchangeIndex.set(all, index);
  }
  return index;
}
