import { PlanJobErrorCode } from './plan-job-error-code';
import {
  InvalidPolicyOverrideError,
  PlanNotCancellableError,
  QueueUnavailableError,
} from './plan-job.exception';

describe('plan-job exceptions', () => {
  it('carry a code and a message in Chinese and English, stored on the plan row as such', () => {
    const error = new QueueUnavailableError(new Error('ECONNREFUSED'));

    expect(error).toMatchObject({ name: 'QueueUnavailableError', code: PlanJobErrorCode.QueueUnavailable });
    expect(error.toPlanError()).toEqual({
      code: 'queue_unavailable',
      message: 'the job queue is unavailable for now; try again later',
      message_zh: '任务队列暂时不可用，请稍后重试',
    });
  });

  it('name the plan status that cannot be cancelled and the override key that is wrong', () => {
    expect(new PlanNotCancellableError('p1', 'succeeded').messageZh).toContain('succeeded');
    const bad = new InvalidPolicyOverrideError(
      'max_rotation_rate',
      2,
      '0 到 1 之间的数',
      'a number from 0 to 1',
    );
    expect(bad).toMatchObject({ key: 'max_rotation_rate', code: PlanJobErrorCode.InvalidPolicyOverride });
    expect(bad.message).toBe(
      'policy override max_rotation_rate = 2 is invalid; expected a number from 0 to 1',
    );
  });
});
