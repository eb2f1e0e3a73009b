import { describe, expect, it } from 'vitest';
import { isPlaceholder } from './placeholders.js';

describe('isPlaceholder', () => {
  it.each(['', '  ', 'TBD', 'tbd', 'TODO', '?', '??', '-', '—', 'N/A', 'n/a', '<name>', '[name]', '{phone}', 'xxx', 'XXX-XXXX', '...', '…', 'TBD (ask Sam)', 'call TODO', '+00 0000 000000', null])(
    'flags %j',
    (value) => expect(isPlaceholder(value)).toBe(true),
  );
  it.each(['Ana Lima', '+44 20 7946 0321', '@ana', '#inc-db', 'oncall@example.com', 'Platform team', 'Max Todorov', 'Xavier'])(
    'accepts %j',
    (value) => expect(isPlaceholder(value)).toBe(false),
  );
});
