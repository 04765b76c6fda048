/** Strings of the cooperant widget (owned by that widget; add keys here, in both languages). */
export interface CooperantStrings {
  /** Summary label of the chart. */
  label: string;
}

export const cooperantEn: CooperantStrings = {
  label: 'Cooperant',
};

export const cooperantFr: CooperantStrings = {
  label: 'Cooperant',
};
