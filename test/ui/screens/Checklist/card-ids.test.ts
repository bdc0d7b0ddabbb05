import { describe, expect, it } from 'vitest';
import { AssessmentLockedError, InvalidInputError, StorageWriteError } from '../../../../src/db/errors';
import { cardId, saveErrorKey } from '../../../../src/ui/screens/Checklist/card-ids';

describe('card ids and save errors', () => {
  it('makes a DOM id from a component code', () => {
    expect(cardId('ƯDCQS6')).toBe('c-ƯDCQS6');
  });

  it('picks a message for each store error', () => {
    expect(saveErrorKey(new AssessmentLockedError('a', 'submitted'))).toBe('checklist.save.locked');
    expect(saveErrorKey(new InvalidInputError('note', 'too long'))).toBe('checklist.save.invalid');
    expect(saveErrorKey(new StorageWriteError('quota'))).toBe('checklist.save.storage-quota');
    expect(saveErrorKey(new StorageWriteError('closed'))).toBe('checklist.save.storage-closed');
    expect(saveErrorKey(new StorageWriteError('unknown'))).toBe('checklist.save.storage-unknown');
    expect(saveErrorKey(new Error('boom'))).toBe('checklist.save.failed');
    expect(saveErrorKey('not an error')).toBe('checklist.save.failed');
  });
});
