/**
 * What "Lưu tên" does with what the member typed, on enrollment or on a rename: refuse it (the
 * shared display-name rule, as the server applies it), or save the cleaned name. A rename to the
 * same name writes nothing, so it neither touches IndexedDB nor queues a label for the server.
 */
import { cleanDisplayName } from '../../../domain/community/display-name';

export type NameSubmit = { kind: 'invalid' } | { kind: 'unchanged' } | { kind: 'save'; name: string };

export function nameSubmit(input: string, current: string | undefined): NameSubmit {
  const name = cleanDisplayName(input);
  if (name === null) return { kind: 'invalid' };
  if (name === current) return { kind: 'unchanged' };
  return { kind: 'save', name };
}
