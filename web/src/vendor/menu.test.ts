import { describe, expect, it } from 'vitest';
import { moved, stockValue } from './menu';

describe('moved', () => {
  it('moves an entry up or down one place, leaving the others in order', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });
  it('leaves the list it was given alone', () => {
    const list = ['a', 'b'];
    moved(list, 0, 1);
    expect(list).toEqual(['a', 'b']);
  });
});

describe('stockValue', () => {
  it('sends null for not counted, whatever is typed', () => {
    expect(stockValue({ counted: false, count: '7' })).toEqual({ stock: null });
  });
  it('sends whole numbers from 0 to a million', () => {
    expect(stockValue({ counted: true, count: '0' })).toEqual({ stock: 0 });
    expect(stockValue({ counted: true, count: ' 12 ' })).toEqual({ stock: 12 });
    expect(stockValue({ counted: true, count: '1000000' })).toEqual({ stock: 1_000_000 });
  });
  it.each(['', '-1', '2.5', 'abc', '1000001'])('refuses %j with a reason', (count) => {
    expect(stockValue({ counted: true, count })).toHaveProperty('problem');
  });
});
