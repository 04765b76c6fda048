import type * as z from 'zod/mini';
import type { Dataset } from './schema/dataset';

/**
 * What a widget's `data` property accepts: a dataset in the format of `data/schema.json`, before validation (optional
 * fields may be left out). It is still validated at run time; problems show as the error state and a
 * `parsec-data-error` event.
 */
export type DatasetInput = z.input<typeof Dataset>;
