/**
 * Splits a whole `total` in proportion to `weights` by largest remainder, so parts are whole numbers
 * that add up exactly (Hamilton's method); ties go to the earlier weight.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * Math.max(0, w)) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]++;
    left--;
  }
  return parts;
}

/**
 * Rounds many real amounts to whole numbers whose sum is the rounded sum of the amounts: each amount
 * becomes its floor or its ceiling, and which one is random (systematic sampling from offset `u`).
 */
export function roundPreservingSum(amounts: readonly number[], u: number): number[] {
  let cumulative = 0;
  let previous = Math.floor(u);
  return amounts.map((amount) => {
    cumulative += Math.max(0, amount);
    const next = Math.floor(cumulative + u);
    const whole = next - previous;
    previous = next;
    return whole;
  });
}
