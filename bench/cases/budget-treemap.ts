import { syntheticBudget } from '../../test/fixtures/synthetic-budget';

/** Treemap: n budget lines over √n programmes (seeded). */
export default {
  name: 'budget-treemap',
  tag: 'parsec-budget-treemap',
  sizes: [100, 1000, 10_000, 100_000],
  makeData: (n: number) => syntheticBudget(n),
};
