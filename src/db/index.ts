/**
 * The public face of the local store for screens and i18n. The backup module is left out on
 * purpose: it carries zod, so screens load it with `import('../db/backup')` when needed.
 */
export { getDb, openXasoDb, XasoDb } from './database';
export type { OutboxRow, SettingRow, StoredAnswer, SyncRow, SyncState } from './database';
export { onDbBlockedOrStale } from './events';
export type { DbAlert } from './events';
export { AssessmentLockedError, AssessmentNotFoundError, InvalidInputError, StorageWriteError, XasoDbError } from './errors';
export type { StorageFailure } from './errors';
export { createAssessment, deleteAssessment, getAssessment, listAssessments, updateAssessment } from './assessments';
export type { AssessmentPatch, NewAssessmentInput } from './assessments';
export { getAnswers, saveAnswer } from './answers';
export type { AnswerPatch, SaveAnswerOptions } from './answers';
export { ensureDeviceId, getSetting, setSetting } from './settings';
export type { EnrollmentSetting, PersistOutcome, SettingKey, SettingValues } from './settings';
export { requestPersistence, storageEstimate } from './persistence';
export type { StorageApi } from './persistence';
