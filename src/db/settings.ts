/**
 * Small app preferences kept on the phone: the language, whether the "ready to work offline"
 * notice was shown, the outcome of the persistent-storage request, this device's id, and the
 * enrollment (device token) that src/sync/enrollment.ts stores.
 * Values are checked on the way out: a row written by an older or broken build reads as unset.
 */
import type { Survey } from '../domain/community/schemas';
import { getDb } from './database';
import type { XasoDb } from './database';
import { guardWrite, InvalidInputError } from './errors';

export type PersistOutcome = 'granted' | 'denied' | 'unsupported';

/** What the province's server gave this phone when it enrolled (src/sync/enrollment.ts). */
export interface EnrollmentSetting {
  deviceToken: string;
  deviceId: string;
  communeCode: string;
  provinceCode: string;
  communeName: string;
  provinceName?: string;
  enrolledAt: string;
  /** 'team': a community team phone (issue #15): support log and survey only. Unset (older rows) = an officer's phone. */
  role?: 'officer' | 'team';
  /** A team phone's display name, asked once after enrollment; sent as the device's label (src/sync/team-label.ts). */
  displayName?: string;
  /** The display name the server has acknowledged; differs from `displayName` until it went up. */
  displayNameSent?: string;
}

export interface SettingValues {
  lang: 'vi' | 'en';
  offlineReadyShown: boolean;
  persist: PersistOutcome;
  /** A random id naming this phone to the server, created once. */
  deviceId: string;
  /** This phone's enrollment with its province (written by src/sync/enrollment.ts); unset = not enrolled. */
  enrollment: EnrollmentSetting;
  /** Hold evidence uploads until Wi-Fi (src/sync/evidence-network.ts); unset = off. */
  evidenceWifiOnly: boolean;
  /**
   * Per assessment id, the newer version of its criteria set ("id@version") the officer chose not
   * to move to ("Giữ phiên bản cũ", issue #12): its notice is not shown again; a later version is.
   */
  keptSetVersions: Record<string, string>;
  /** The commune's population as the server holds it (src/sync/population.ts), for measured indicators (issue #15). */
  communePopulation: { communeCode: string; population: number; setAt: string };
  /**
   * The population the officer entered on this phone and the server has not acknowledged yet
   * (src/sync/population.ts sends it); while it is here it is the one shown and a pull never
   * replaces it. `error`: the server refused it (the reason shown); not retried until re-entered.
   */
  communePopulationDraft: PopulationDraft;
  /**
   * A team phone's survey as its server gave it (src/sync/team-survey.ts, issue #15): the
   * province's own when its published criteria set carries one, else the default. Checked with
   * SurveySchema before it is stored and again before a screen runs it; `etag` for the next ask.
   */
  teamSurvey: TeamSurveySetting;
}
export type SettingKey = keyof SettingValues;

export interface PopulationDraft {
  communeCode: string;
  population: number;
  enteredAt: string;
  attempts: number;
  retryAt?: string;
  error?: string;
}

export interface TeamSurveySetting {
  survey: Survey;
  /** The commune whose device asked: after enrolling elsewhere, the stored survey is not used. */
  communeCode: string;
  fetchedAt: string;
  etag?: string;
}

/** Bounds of a commune's population, the server's (src/server/schemas/commune-population.ts). */
export const POPULATION_MIN = 1;
export const POPULATION_MAX = 5_000_000;
const isPopulation = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= POPULATION_MIN && (v as number) <= POPULATION_MAX;

const VALID: { [K in SettingKey]: (v: unknown) => v is SettingValues[K] } = {
  lang: (v): v is 'vi' | 'en' => v === 'vi' || v === 'en',
  offlineReadyShown: (v): v is boolean => typeof v === 'boolean',
  persist: (v): v is PersistOutcome => v === 'granted' || v === 'denied' || v === 'unsupported',
  deviceId: (v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100,
  enrollment: (v): v is SettingValues['enrollment'] =>
    typeof v === 'object' &&
    v !== null &&
    ['deviceToken', 'deviceId', 'communeCode', 'provinceCode', 'communeName', 'enrolledAt'].every(
      (k) => typeof (v as Record<string, unknown>)[k] === 'string',
    ),
  evidenceWifiOnly: (v): v is boolean => typeof v === 'boolean',
  keptSetVersions: (v): v is Record<string, string> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string'),
  communePopulation: (v): v is SettingValues['communePopulation'] => {
    const o = v as Record<string, unknown> | null;
    return (
      typeof o === 'object' &&
      o !== null &&
      typeof o.communeCode === 'string' &&
      typeof o.setAt === 'string' &&
      Number.isInteger(o.population) &&
      (o.population as number) > 0
    );
  },
  communePopulationDraft: (v): v is PopulationDraft => {
    const o = v as Record<string, unknown> | null;
    return (
      typeof o === 'object' &&
      o !== null &&
      typeof o.communeCode === 'string' &&
      typeof o.enteredAt === 'string' &&
      isPopulation(o.population) &&
      Number.isInteger(o.attempts) &&
      (o.retryAt === undefined || typeof o.retryAt === 'string') &&
      (o.error === undefined || typeof o.error === 'string')
    );
  },
  // The shape only: zod (SurveySchema) stays off the first screen; the team screens check the survey.
  teamSurvey: (v): v is TeamSurveySetting => {
    const o = v as Record<string, unknown> | null;
    return (
      typeof o === 'object' &&
      o !== null &&
      typeof o.survey === 'object' &&
      o.survey !== null &&
      typeof o.communeCode === 'string' &&
      typeof o.fetchedAt === 'string' &&
      (o.etag === undefined || typeof o.etag === 'string')
    );
  },
};

/** The stored value, or undefined when unset (or unreadable). */
export async function getSetting<K extends SettingKey>(key: K, db: XasoDb = getDb()): Promise<SettingValues[K] | undefined> {
  const row = await db.settings.get(key);
  const valid = VALID[key] as (v: unknown) => v is SettingValues[K];
  return row && valid(row.value) ? row.value : undefined;
}

export async function setSetting<K extends SettingKey>(key: K, value: SettingValues[K], db: XasoDb = getDb()): Promise<void> {
  if (!VALID[key](value)) throw new InvalidInputError(key, `Invalid value for the setting "${key}".`);
  await guardWrite(db.settings.put({ key, value }));
}

/** This device's id, created on first call; one transaction, so two tabs cannot make two ids. */
export async function ensureDeviceId(db: XasoDb = getDb()): Promise<string> {
  return guardWrite(
    db.transaction('rw', db.settings, async () => {
      const current = await getSetting('deviceId', db);
      if (current) return current;
      const id = crypto.randomUUID();
      await db.settings.put({ key: 'deviceId', value: id });
      return id;
    }),
  );
}
