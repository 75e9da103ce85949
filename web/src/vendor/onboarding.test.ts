import { describe, expect, it } from 'vitest';
import { allDone, checklistTarget, DRAFT_AVAILABILITY, onboardingSteps, serviceStage } from './onboarding';

const on = { is_available: true };
const off = { is_available: false };

describe('serviceStage', () => {
  it('is a draft while not taking orders and no item is available', () => {
    expect(serviceStage(off, [])).toBe('draft');
    expect(serviceStage(off, [off, off])).toBe('draft');
  });
  it('can be published once an item is available', () => {
    expect(serviceStage(off, [off, on])).toBe('ready');
  });
  it('is live whenever it takes orders', () => {
    expect(serviceStage(on, [])).toBe('live');
    expect(serviceStage(on, [on])).toBe('live');
  });
  it('a new service is created not taking orders', () => {
    expect(DRAFT_AVAILABILITY).toEqual({ is_available: false, availability_status: 'unavailable' });
  });
});

describe('checklist', () => {
  const s = (id: number, is_available: boolean, created_at: string) => ({ id, is_available, created_at });

  it('targets the newest published service, else the newest', () => {
    expect(checklistTarget([])).toBeNull();
    expect(checklistTarget([s(1, false, '2026-01-01'), s(2, false, '2026-02-01')])?.id).toBe(2);
    expect(checklistTarget([s(1, true, '2026-01-01'), s(2, false, '2026-02-01')])?.id).toBe(1);
  });

  it('a brand-new vendor has every step to do, and only the first two can be started', () => {
    const steps = onboardingSteps({ hasProfile: false, target: null, targetItems: [] });
    expect(steps.map((x) => x.done)).toEqual([false, false, false, false]);
    expect(steps.map((x) => x.to)).toEqual(['/vendor/profile', '/vendor/services/new', null, null]);
    expect(allDone(steps)).toBe(false);
  });

  it('follows profile → service → item → published', () => {
    const draft = { id: 7, is_available: false };
    expect(onboardingSteps({ hasProfile: true, target: draft, targetItems: [] }).map((x) => x.done)).toEqual([true, true, false, false]);
    expect(onboardingSteps({ hasProfile: true, target: draft, targetItems: [off] }).map((x) => x.done)).toEqual([true, true, false, false]);
    const withItem = onboardingSteps({ hasProfile: true, target: draft, targetItems: [on] });
    expect(withItem.map((x) => x.done)).toEqual([true, true, true, false]);
    expect(withItem[3].to).toBe('/vendor/services/7');
    const published = onboardingSteps({ hasProfile: true, target: { id: 7, is_available: true }, targetItems: [on] });
    expect(allDone(published)).toBe(true);
  });

  it('is not done without a profile, even with a live service', () => {
    expect(allDone(onboardingSteps({ hasProfile: false, target: { id: 1, is_available: true }, targetItems: [on] }))).toBe(false);
  });
});
