import type { PlanError } from '@tr/persistence';
import type { Policy } from '@tr/domain';
import { applyPolicyOverrides } from '@tr/io';
import { PlanJobErrorCode } from './plan-job-error-code';

/** A plan-job error with its code and a message in Chinese and English. */
export class PlanJobException extends Error {
  constructor(
    readonly code: PlanJobErrorCode,
    readonly messageZh: string,
    messageEn: string,
    options?: { cause?: unknown },
  ) {
    super(messageEn, options);
    this.name = new.target.name;
  }

  /** The shape stored in `plans.error`. */
  toPlanError(): PlanError {
    return { code: this.code, message: this.message, message_zh: this.messageZh };
  }
}

/** Redis cannot be reached: nothing was queued (and a plan row this launch made was removed). */
export class QueueUnavailableError extends PlanJobException {
  constructor(cause?: unknown) {
    super(
      PlanJobErrorCode.QueueUnavailable,
      '任务队列暂时不可用，请稍后重试',
      'the job queue is unavailable for now; try again later',
      { cause },
    );
  }
}

export class PlanNotFoundError extends PlanJobException {
  constructor(readonly planId: string) {
    super(PlanJobErrorCode.PlanNotFound, `方案 ${planId} 不存在`, `plan ${planId} does not exist`);
  }
}

/** The plan already finished (succeeded, failed or was cancelled); there is nothing to stop. */
export class PlanNotCancellableError extends PlanJobException {
  constructor(
    readonly planId: string,
    readonly status: string,
  ) {
    super(
      PlanJobErrorCode.PlanNotCancellable,
      `方案 ${planId} 已结束（${status}），无法取消`,
      `plan ${planId} has already finished (${status}) and cannot be cancelled`,
    );
  }
}

export class CountyNotFoundForPlanError extends PlanJobException {
  constructor(readonly countyId: string) {
    super(
      PlanJobErrorCode.CountyNotFound,
      `县区 ${countyId} 不存在或尚未导入`,
      `county ${countyId} does not exist or has not been imported`,
    );
  }
}

export class PolicyNotFoundError extends PlanJobException {
  constructor(
    readonly countyId: string,
    readonly year?: number,
  ) {
    super(
      PlanJobErrorCode.PolicyNotFound,
      year === undefined ? `县区 ${countyId} 没有任何年度的政策` : `县区 ${countyId} 没有 ${year} 年的政策`,
      year === undefined
        ? `county ${countyId} has no policy for any year`
        : `county ${countyId} has no policy for ${year}`,
    );
  }
}

/** An override names an unknown key or a value outside the policy's rules; `key` says which. */
export class InvalidPolicyOverrideError extends PlanJobException {
  constructor(
    readonly key: string,
    readonly value: unknown,
    expectedZh: string,
    expectedEn: string,
  ) {
    super(
      PlanJobErrorCode.InvalidPolicyOverride,
      `策略覆盖项 ${key} 的值 ${JSON.stringify(value)} 无效，应为${expectedZh}`,
      `policy override ${key} = ${JSON.stringify(value)} is invalid; expected ${expectedEn}`,
    );
  }
}

/** The policy with a plan's overrides applied, or the first override the policy's rules refuse, thrown. */
export function policyWithOverrides(policy: Policy, overrides: Partial<Policy>): Policy {
  const { policy: merged, problems } = applyPolicyOverrides(policy, overrides as Record<string, unknown>);
  const [problem] = problems;
  if (problem)
    throw new InvalidPolicyOverrideError(
      problem.key,
      problem.value,
      problem.expected.zh,
      problem.expected.en,
    );
  return merged;
}

/** The reason stored on a plan whose job BullMQ gave up on by itself (stalled too often, say). */
export function jobGaveUp(failedReason: string | undefined): PlanError {
  return {
    code: PlanJobErrorCode.GaveUp,
    message: `the job was given up: ${failedReason ?? 'unknown reason'}`,
    message_zh: `任务已被放弃：${failedReason ?? '原因不明'}`,
  };
}
