import type { EscalationPolicyInput } from '@/gql/graphql';

export const MAX_STEPS = 10;
export const MAX_STEP_CHANNELS = 10;
export const MAX_WAIT_MINUTES = 1440;

interface SummaryStep {
  waitMinutes: number;
  channels: readonly { name: string }[];
}

/** "90 min" → "1 h 30 min"; whole minutes only. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** "Ops Slack → after 10 min PagerDuty + Email, repeat every 30 min". */
export function stepSummary(steps: readonly SummaryStep[], repeatEveryMinutes: number): string {
  if (steps.length === 0) return 'No steps';
  const parts = steps.map((step) => {
    const who = step.channels.length === 0 ? 'no channel' : step.channels.map((c) => c.name).join(' + ');
    return step.waitMinutes > 0 ? `after ${formatMinutes(step.waitMinutes)} ${who}` : who;
  });
  const text = parts.join(' → ');
  return repeatEveryMinutes > 0 ? `${text}, repeat every ${formatMinutes(repeatEveryMinutes)}` : text;
}

/** A step as the editor holds it: the wait as typed, the chosen channels in the organization's order. */
export interface DraftStep {
  /** Stable across moves (React key, focus after a move). */
  key: string;
  waitMinutes: string;
  channelIds: string[];
}

export interface PolicyDraft {
  name: string;
  steps: DraftStep[];
  repeatEveryMinutes: string;
}

let nextKey = 0;
export function newStepKey(): string {
  nextKey += 1;
  return `step-${nextKey}`;
}

export function emptyStep(waitMinutes = '0'): DraftStep {
  return { key: newStepKey(), waitMinutes, channelIds: [] };
}

export function draftOf(policy: { name: string; steps: readonly { waitMinutes: number; channels: readonly { id: string }[] }[]; repeatEveryMinutes: number } | null): PolicyDraft {
  if (!policy) return { name: '', steps: [emptyStep()], repeatEveryMinutes: '0' };
  return {
    name: policy.name,
    steps: policy.steps.map((s) => ({ key: newStepKey(), waitMinutes: String(s.waitMinutes), channelIds: s.channels.map((c) => c.id) })),
    repeatEveryMinutes: String(policy.repeatEveryMinutes),
  };
}

export function toPolicyInput(draft: PolicyDraft): EscalationPolicyInput {
  return {
    name: draft.name.trim(),
    steps: draft.steps.map((s) => ({ waitMinutes: Number(s.waitMinutes), channelIds: [...s.channelIds] })),
    repeatEveryMinutes: Number(draft.repeatEveryMinutes),
  };
}

/** The API's field names for a policy's fields. */
export const waitField = (index: number) => `steps[${index}].waitMinutes`;
export const channelsField = (index: number) => `steps[${index}].channelIds`;

export function policyFields(stepCount: number): string[] {
  const fields = ['name', 'repeatEveryMinutes', 'steps'];
  for (let i = 0; i < stepCount; i += 1) fields.push(waitField(i), channelsField(i));
  return fields;
}

function isWhole(value: string, min: number, max: number): boolean {
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
}

/** The editor's own checks (the server checks again), keyed like the server's field errors. */
export function validatePolicy(draft: PolicyDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.name.trim() === '') errors.name = 'Enter a name for the policy.';
  draft.steps.forEach((step, i) => {
    if (!isWhole(step.waitMinutes, 0, MAX_WAIT_MINUTES)) errors[waitField(i)] = 'Enter the wait as a whole number of minutes, from 0 to 1,440 (a day).';
    if (step.channelIds.length === 0) errors[channelsField(i)] = 'Choose at least one channel to notify.';
    else if (step.channelIds.length > MAX_STEP_CHANNELS) errors[channelsField(i)] = `A step notifies at most ${MAX_STEP_CHANNELS} channels.`;
  });
  const repeat = draft.repeatEveryMinutes;
  if (!(isWhole(repeat, 0, 0) || isWhole(repeat, 5, MAX_WAIT_MINUTES))) errors.repeatEveryMinutes = 'Enter 0 to stop after the last step, or 5 to 1,440 minutes.';
  return errors;
}
