import type * as z from 'zod/mini';
import type { Dataset } from './schema/dataset';

/**
 * A dataset in the format of `data/schema.json`, before validation (optional fields may be left out): what the
 * schema's TypeScript type accepts.
 */
export type DatasetInput = z.input<typeof Dataset>;

/** `T` with its literal types widened (`'approx'` → `string`, `true` → `boolean`), as TypeScript types a JSON import. */
export type Loose<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer U)[]
        ? Loose<U>[]
        : T extends object
          ? { [K in keyof T]: Loose<T[K]> }
          : T;

/**
 * What a widget's `data` property accepts: the shape of a dataset (fields, nesting, numbers, arrays), checked by
 * TypeScript, so `el.data = 42` or a misspelt field in an object literal is a compile error, while a JSON import of a
 * dataset (whose `"precision": "approx"` TypeScript types as `string`) is accepted. The values themselves (enums,
 * dates, references between records) are validated at run time; problems show as the error state and a
 * `parsec-data-error` event.
 */
export type DatasetData = Loose<DatasetInput>;
