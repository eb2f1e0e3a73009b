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
  // The word list is matched in any case, and the quick first-letter test must not lose any of it.
  it.each(['NONE', 'Nobody', ' Unknown ', 'PlaceHolder', 'Change Me', 'To Be Confirmed', 'Lorem Ipsum', 'NIL', 'Someone', 'Contact', 'x-x', '(0) 000-0000', '- TBD'])(
    'flags %j in any case',
    (value) => expect(isPlaceholder(value)).toBe(true),
  );
  it.each(['\u212Aontact', 'None of us', 'Todd', 'Fixmeister', 'TBDs', 'x1', 42])(
    'accepts %j',
    (value) => expect(isPlaceholder(value)).toBe(false),
  );
});
