/**
 * Data of the home list, in the order a slow phone can afford: the assessments first (one
 * IndexedDB read, enough to paint), then — after paint — progress (catalogue chunk + answers)
 * and commune names (the admin-units chunk, the largest data file).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { getAnswers, listAssessments } from '../../../db';
import { findCommune, findProvince } from '../../../domain/admin-units';
import type { Assessment } from '../../../domain/types';
import { loadAdminUnits, loadCatalogue, loadMethodology } from '../../../data/load';
import { progressOf, type PlaceNames, type Progress } from './progress';

export interface HomeData {
  /** undefined while loading. */
  items: Assessment[] | undefined;
  failed: boolean;
  progress: Readonly<Record<string, Progress>>;
  names: Readonly<Record<string, PlaceNames>>;
  reload: () => void;
}

const afterPaint = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn, 0));

export function useHomeData(): HomeData {
  const [items, setItems] = useState<Assessment[]>();
  const [failed, setFailed] = useState(false);
  const [progress, setProgress] = useState<Record<string, Progress>>({});
  const [names, setNames] = useState<Record<string, PlaceNames>>({});
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let alive = true;
    listAssessments().then(
      (list) => {
        if (!alive) return;
        // Most recently edited first: the one the officer is working on.
        setItems([...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
        setFailed(false);
      },
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [version]);

  useEffect(() => {
    if (!items || items.length === 0) return;
    let alive = true;
    afterPaint(() => {
      void (async () => {
        const [catalogue, methodology] = await Promise.all([loadCatalogue(), loadMethodology()]);
        const entries = await Promise.all(
          items.map(async (a) => {
            const answers = await getAnswers(a.id);
            // Under a criteria set, its required indicators are what "answered" counts.
            const p = a.criteriaSet
              ? await (await import('./set-progress')).setProgressOf(a, catalogue, answers)
              : progressOf(catalogue, methodology, a.areaTypes, answers);
            return [a.id, p] as const;
          }),
        );
        const known = entries.filter((e): e is readonly [string, Progress] => e[1] !== undefined);
        if (alive) setProgress(Object.fromEntries(known));
      })().catch(() => undefined); // progress is a nicety: the list stands without it
      void loadAdminUnits()
        .then((units) => {
          if (!alive) return;
          const found = items.map((a) => {
            const place: PlaceNames = {
              commune: findCommune(units, a.communeCode)?.name,
              province: findProvince(units, a.provinceCode)?.name,
            };
            return [a.id, place] as const;
          });
          setNames(Object.fromEntries(found));
        })
        .catch(() => undefined); // codes stay on screen
    });
    return () => {
      alive = false;
    };
  }, [items]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { items, failed, progress, names, reload };
}
