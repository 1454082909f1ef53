/** What an external number does when called; the pattern is its last four digits (docs/simulator.md). */
export type DialPlan = 'answer' | 'busy' | 'no-answer';

export const BUSY_SUFFIX = '0486';
export const NO_ANSWER_SUFFIX = '0487';

export function dialPlanOf(number: string): DialPlan {
  if (number.endsWith(BUSY_SUFFIX)) return 'busy';
  if (number.endsWith(NO_ANSWER_SUFFIX)) return 'no-answer';
  return 'answer';
}
