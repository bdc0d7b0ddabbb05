/**
 * A server refusal as kept on the phone: its error code and its own (English) words together in
 * one string, `[code] message`, so the screens can show the phone's translated text for the code
 * and keep the server's words only as a technical detail (issue #10 item 6).
 */
const SERVER_REASON = /^\[([a-z0-9_]+)\] ([\s\S]*)$/;

export function serverReason(code: string, message: string): string {
  return `[${code}] ${message}`;
}

export function readServerReason(reason: string): { code: string; message: string } | undefined {
  const m = SERVER_REASON.exec(reason);
  return m ? { code: m[1] ?? '', message: m[2] ?? '' } : undefined;
}
