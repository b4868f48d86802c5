/** A user-facing text: Chinese first (the users are Chinese), English alongside. */
export interface Localized {
  zh: string;
  en: string;
}

export function localized(zh: string, en: string): Localized {
  return { zh, en };
}

/** One line for a terminal or log: Chinese, then English. */
export function bilingual(text: Localized): string {
  return `${text.zh} / ${text.en}`;
}
