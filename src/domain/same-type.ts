/**
 * `Same<A, B>` is `true` only when A and B are mutually assignable. Schemas use it to prove at
 * compile time that a zod schema and the shared type it stands for describe the same shape:
 * `const _matches: Same<z.infer<typeof XSchema>, X> = true;` fails to compile when they drift.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
