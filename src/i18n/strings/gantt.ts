/** Strings of the gantt widget (owned by that widget; add keys here, in both languages). */
export interface GanttStrings {
  /** Summary label of the chart. */
  label: string;
}

export const ganttEn: GanttStrings = {
  label: 'Gantt',
};

export const ganttFr: GanttStrings = {
  label: 'Gantt',
};
