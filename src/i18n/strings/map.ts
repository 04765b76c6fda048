/** Strings of the map widget (owned by that widget; add keys here, in both languages). */
export interface MapStrings {
  /** Summary label of the chart. */
  label: string;
}

export const mapEn: MapStrings = {
  label: 'Map',
};

export const mapFr: MapStrings = {
  label: 'Map',
};
