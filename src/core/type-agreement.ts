/**
 * Compile-time checks that a config schema's inferred types and the props types it maps onto agree. A construct's
 * props are where a field is declared and documented; the schema repeats only what zod needs to parse it, and these
 * types make tsc fail where the two drift apart (a union member added on one side, a field's type changed).
 */

/**
 * T's value shape, whoever declares it: every level readonly and required, without `undefined`. zod infers mutable
 * types and fills defaults; props are readonly and optional where they have a default. Neither difference matters
 * to the values a field can hold.
 */
export type ValueShape<T> = T extends readonly (infer E)[]
  ? readonly ValueShape<E>[]
  : T extends object
    ? { readonly [K in keyof T]-?: ValueShape<Exclude<T[K], undefined>> }
    : T;

/** `true` when A and B are the same type, `false` otherwise (not distributed over unions). */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * `true` when every field that Config and Props both name holds the same values in both, except the fields listed in
 * Mapped (those that `stacks/<name>-props.ts` converts on the way, such as a config enum without the props' 'none').
 */
export type SharedFieldsAgree<Config, Props, Mapped extends keyof Config & keyof Props = never> = Same<
  ValueShape<Pick<Config, Exclude<keyof Config & keyof Props, Mapped>>>,
  ValueShape<Pick<Props, Exclude<keyof Config & keyof Props, Mapped>>>
>;

/** A type that compiles only when its argument is `true`: `type _ = Agree<SharedFieldsAgree<A, B>>`. */
export type Agree<T extends true> = T;
