/** Entry for `parsec-widgets/budget-treemap`: defines `<parsec-budget-treemap>` only. */
export { ParsecBudgetTreemap } from './components/budget-treemap/budget-treemap';
