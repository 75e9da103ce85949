import type { components } from '../api/schema';
import { sumMoney } from '../format';

export type OptionGroup = components['schemas']['OptionGroup'];

/** What a group asks for, in words: "Required · choose 1", "Optional · up to 3". */
export function groupRule(g: Pick<OptionGroup, 'min_choices' | 'max_choices'>): string {
  if (g.min_choices === 0) return g.max_choices === 1 ? 'Optional · choose up to 1' : `Optional · up to ${g.max_choices}`;
  if (g.min_choices === g.max_choices) return `Required · choose ${g.min_choices}`;
  return `Required · choose ${g.min_choices} to ${g.max_choices}`;
}

/** Whether a group takes one option (radio buttons) or several (checkboxes). */
export function isSingle(g: Pick<OptionGroup, 'max_choices'>): boolean {
  return g.max_choices === 1;
}

/** Why the choice cannot be added yet (the first group at fault, as the server would say), or null when it can. */
export function choiceProblem(groups: readonly OptionGroup[], chosen: ReadonlySet<number>): string | null {
  for (const g of groups) {
    const n = g.options.filter((o) => chosen.has(o.id)).length;
    if (n < g.min_choices) {
      return g.min_choices === 1 ? `Choose a ${g.name.toLowerCase()}.` : `Choose at least ${g.min_choices} in ${g.name}.`;
    }
    if (n > g.max_choices) return `Choose at most ${g.max_choices} in ${g.name}.`;
    if (g.options.some((o) => chosen.has(o.id) && !o.is_available)) return `An option in ${g.name} is not available.`;
  }
  return null;
}

/** Toggles an option: in a one-choice group it replaces the group's choice. */
export function toggleOption(groups: readonly OptionGroup[], chosen: ReadonlySet<number>, optionId: number, on: boolean): Set<number> {
  const next = new Set(chosen);
  const group = groups.find((g) => g.options.some((o) => o.id === optionId));
  if (!group) return next;
  if (on && isSingle(group)) for (const o of group.options) next.delete(o.id);
  if (on) next.add(optionId);
  else next.delete(optionId);
  return next;
}

/** The unit price with the chosen options' deltas. */
export function unitPrice(base: string, groups: readonly OptionGroup[], chosen: ReadonlySet<number>): string {
  const deltas = groups.flatMap((g) => g.options.filter((o) => chosen.has(o.id)).map((o) => ({ price: o.price_delta, quantity: 1 })));
  return sumMoney([{ price: base, quantity: 1 }, ...deltas]);
}

/** The chosen options as a cart line shows them ("Size: Large"), in the vendor's order, with their ids ascending. */
export function describeChoice(groups: readonly OptionGroup[], chosen: ReadonlySet<number>): { ids: number[]; names: string[] } {
  const names = groups.flatMap((g) => g.options.filter((o) => chosen.has(o.id)).map((o) => `${g.name}: ${o.name}`));
  return { ids: [...chosen].sort((a, b) => a - b), names };
}
