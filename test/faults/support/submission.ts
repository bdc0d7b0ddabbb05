/** A complete submission built from the real catalogue, without any test-runner import (for Playwright too). */
import fs from 'node:fs';
import path from 'node:path';
import { applicableComponents } from '../../../src/domain/catalogue';
import type { Submission } from '../../../src/domain/submission';
import type { AreaType, Catalogue } from '../../../src/domain/types';
import { REPO_ROOT } from './server-process';

let catalogue: Catalogue | undefined;
export function loadCatalogue(): Catalogue {
  catalogue ??= JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'data/catalogue/2026.1/catalogue.json'), 'utf8')) as Catalogue;
  return catalogue;
}

/** Every non-open applicable component at status 3; `patch` edits the result. */
export function completeSubmission(
  communeCode: string,
  areaTypes: AreaType[],
  patch: (s: Submission) => void = () => undefined,
): Submission {
  const s: Submission = {
    revision: 1,
    baseRevision: null,
    communeCode,
    areaTypes,
    period: '2026',
    catalogueVersion: '2026.1',
    methodologyId: 'provisional-2026.1',
    submittedAt: '2026-03-01T07:30:00.000Z',
    answers: applicableComponents(loadCatalogue(), areaTypes)
      .filter((c) => !c.open)
      .map((c) => ({ code: c.code, status: 3 as const, updatedAt: '2026-03-01T07:00:00.000Z' })),
  };
  patch(s);
  return s;
}
