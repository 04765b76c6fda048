/** Entry for `parsec-widgets/cooperant-chart`: defines `<parsec-cooperant-chart>` only. */
export { ParsecCooperantChart } from './components/cooperant-chart/cooperant-chart';
