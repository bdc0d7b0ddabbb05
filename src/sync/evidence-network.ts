/**
 * May evidence go up on the connection the phone has now? The officer can hold uploads until
 * Wi-Fi (setting `evidenceWifiOnly`, default off: many communes have no Wi-Fi at all). The
 * Network Information API (`navigator.connection.type`, Chrome on Android) tells Wi-Fi from
 * mobile data; where the browser cannot tell (no API, "unknown", "other"), evidence is sent:
 * holding it for a Wi-Fi the phone can never recognise would hold it for ever.
 */

/** The part of NetworkInformation used here (not in TypeScript's DOM library). */
export interface ConnectionLike {
  type?: string;
  addEventListener?: (type: 'change', listener: () => void) => void;
  removeEventListener?: (type: 'change', listener: () => void) => void;
}

/** Connection types that are metered mobile links. */
const MOBILE = new Set(['cellular', 'bluetooth', 'wimax']);

export function currentConnection(): ConnectionLike | undefined {
  if (typeof navigator === 'undefined') return undefined;
  return (navigator as Navigator & { connection?: ConnectionLike }).connection;
}

/** 'mobile' only when the browser says so; otherwise 'wifi' or 'unknown'. */
export function connectionKind(conn: ConnectionLike | undefined): 'wifi' | 'mobile' | 'unknown' {
  const type = conn?.type;
  if (type === 'wifi' || type === 'ethernet') return 'wifi';
  if (type !== undefined && MOBILE.has(type)) return 'mobile';
  return 'unknown';
}

export function evidenceMaySend(wifiOnly: boolean, conn: ConnectionLike | undefined): boolean {
  return !wifiOnly || connectionKind(conn) !== 'mobile';
}
