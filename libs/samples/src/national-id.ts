import type { Gender, IsoDate } from '@tr/domain';

/** Resident ID numbers (GB 11643-1999): 6-digit area, yyyymmdd birth date, 3-digit sequence, check digit. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function nationalIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** The sequence's last digit is odd for men, even for women; `sequence` is 0–499 and picks among them. */
export function makeNationalId(
  areaCode: string,
  birthDate: IsoDate,
  gender: Gender,
  sequence: number,
): string {
  const base = Math.floor(sequence % 500) * 2 + (gender === 'M' ? 1 : 0);
  const first17 = `${areaCode}${birthDate.replace(/-/g, '')}${String(base).padStart(3, '0')}`;
  return first17 + nationalIdCheckChar(first17);
}

export function isValidNationalId(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && nationalIdCheckChar(id.slice(0, 17)) === id[17];
}
