import { describe, expect, it } from 'vitest';
import { SEARCH_MAX_LENGTH, clampSearch, followUrl, normalizeText, withFilters } from './catalogueUrl';

describe('normalizeText', () => {
  it('drops outer spaces and folds inner runs of spaces', () => {
    expect(normalizeText('  union   kitchen\t')).toBe('union kitchen');
  });

  it('makes a box of spaces an empty filter', () => {
    expect(normalizeText('   ')).toBe('');
  });
});

describe('followUrl', () => {
  it('keeps what was typed while the URL caught up with an earlier pause', () => {
    const typed = { search: 'croiss' };
    expect(followUrl(typed, { search: 'cro' }, { search: 'cro' })).toBe(typed);
  });

  it('keeps a trailing space the student is still typing past', () => {
    const typed = { search: 'coffee ' };
    expect(followUrl(typed, { search: 'coffee' }, {})).toBe(typed);
  });

  it('shows a search the page did not write (Back, Forward, a shared link, Clear)', () => {
    expect(followUrl({ search: 'coffee' }, { search: 'croissant' }, { search: 'coffee' })).toEqual({ search: 'croissant' });
    expect(followUrl({ search: 'coffee' }, { search: '' }, { search: 'coffee' })).toEqual({ search: '' });
  });

  it('replaces only the boxes whose filter changed elsewhere', () => {
    const next = followUrl({ search: 'cro', min_price: '2' }, { search: 'tea', min_price: '2' }, { search: 'cro', min_price: '2' });
    expect(next).toEqual({ search: 'tea', min_price: '2' });
  });
});

describe('withFilters', () => {
  it('sets, replaces and removes filters, keeping the others', () => {
    const next = withFilters(new URLSearchParams('search=tea&category=food'), { search: 'coffee', category: '' });
    expect(next.toString()).toBe('search=coffee');
  });

  it('goes back to the first page when a filter changes', () => {
    expect(withFilters(new URLSearchParams('search=tea&page=3'), { search: 'coffee' }).get('page')).toBeNull();
  });

  it('keeps the filters when only the page changes', () => {
    expect(withFilters(new URLSearchParams('search=tea&page=3'), { page: '4' }).toString()).toBe('search=tea&page=4');
  });

  it('encodes what the student typed', () => {
    const next = withFilters(new URLSearchParams(), { search: 'café & crêpes' });
    expect(new URLSearchParams(next.toString()).get('search')).toBe('café & crêpes');
  });

  it('leaves the given parameters untouched', () => {
    const prev = new URLSearchParams('search=tea');
    withFilters(prev, { search: 'coffee' });
    expect(prev.get('search')).toBe('tea');
  });
});

describe('clampSearch', () => {
  it('leaves a search within the limit as it is', () => {
    expect(clampSearch('croissant')).toBe('croissant');
    expect(clampSearch('a'.repeat(SEARCH_MAX_LENGTH))).toBe('a'.repeat(SEARCH_MAX_LENGTH));
  });

  it('cuts a longer one at the limit', () => {
    expect(clampSearch('a'.repeat(SEARCH_MAX_LENGTH + 5))).toBe('a'.repeat(SEARCH_MAX_LENGTH));
  });

  it('counts characters, never cutting one in half', () => {
    const clamped = clampSearch('☕'.repeat(SEARCH_MAX_LENGTH - 1) + '🥐🥐');
    expect(Array.from(clamped)).toHaveLength(SEARCH_MAX_LENGTH);
    expect(clamped.endsWith('🥐')).toBe(true);
    expect(() => encodeURIComponent(clamped)).not.toThrow();
  });
});
