/** The input as a whole cannot be read (missing, not a workbook or CSV folder, a damaged file). */
export class UnreadableInputError extends Error {
  override name = 'UnreadableInputError';
}
