import { describe, expect, it } from 'vitest';
import { choiceProblem, describeChoice, groupRule, toggleOption, unitPrice, type OptionGroup } from './choice';

const groups: OptionGroup[] = [
  {
    id: 1,
    name: 'Size',
    min_choices: 1,
    max_choices: 1,
    options: [
      { id: 10, name: 'Regular', price_delta: '0.00', is_available: true },
      { id: 11, name: 'Large', price_delta: '1.50', is_available: true },
    ],
  },
  {
    id: 2,
    name: 'Extras',
    min_choices: 0,
    max_choices: 2,
    options: [
      { id: 20, name: 'Cheese', price_delta: '0.75', is_available: true },
      { id: 21, name: 'Bacon', price_delta: '1.25', is_available: true },
      { id: 22, name: 'Egg', price_delta: '1.00', is_available: false },
    ],
  },
];

describe('option choice', () => {
  it('names what a group asks for', () => {
    expect(groupRule(groups[0])).toBe('Required · choose 1');
    expect(groupRule(groups[1])).toBe('Optional · up to 2');
  });

  it('refuses until every required group is chosen, and says which', () => {
    expect(choiceProblem(groups, new Set())).toBe('Choose a size.');
    expect(choiceProblem(groups, new Set([11]))).toBeNull();
    expect(choiceProblem(groups, new Set([11, 20, 21, 22]))).toBe('Choose at most 2 in Extras.');
  });

  it('replaces the choice in a one-choice group and prices the options', () => {
    let chosen = toggleOption(groups, new Set(), 10, true);
    chosen = toggleOption(groups, chosen, 11, true);
    chosen = toggleOption(groups, chosen, 20, true);
    expect([...chosen].sort()).toEqual([11, 20]);
    expect(unitPrice('3.00', groups, chosen)).toBe('5.25');
    expect(describeChoice(groups, chosen)).toEqual({ ids: [11, 20], names: ['Size: Large', 'Extras: Cheese'] });
  });
});
