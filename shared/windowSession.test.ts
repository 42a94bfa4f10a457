import { describe, expect, it } from 'vitest';
import { ContractError, windowSession } from './validateRequest';

const base = { view: 'all', filter: { facet: null, range: 'any' }, query: 'x', openId: null };

describe('a saved window session', () => {
  it('keeps the search switches as given', () => {
    expect(windowSession('saveSession', { ...base, exactCharacters: true, searchOrder: 'newest' })).toEqual({
      ...base,
      exactCharacters: true,
      searchOrder: 'newest',
    });
    expect(windowSession('saveSession', base)).toEqual(base);
  });

  it('refuses a switch that is not true or false, and keys it does not know', () => {
    expect(() => windowSession('saveSession', { ...base, exactCharacters: 'yes' })).toThrow(ContractError);
    expect(() => windowSession('saveSession', { ...base, searchOrder: 'x'.repeat(41) })).toThrow(
      ContractError,
    );
    expect(() => windowSession('saveSession', { ...base, theme: 'dark' })).toThrow(ContractError);
  });
});
