/** Joins class names, skipping empty ones: classes('btn', busy && 'btn--busy'). */
export function classes(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
