/** Entry for `parsec-widgets/phase-gantt`: defines `<parsec-phase-gantt>` only. */
export { ParsecPhaseGantt } from './components/phase-gantt/phase-gantt';
